using System.Text.Json;
using Hl7.Fhir.Model;
using OpenIcs.Record;
using OpenIcs.Record.Search;

namespace OpenIcs.Tests.Record;

public sealed class SearchIndexTests
{
    private const string Observation = """
        {"resourceType":"Observation","id":"o1","status":"final",
         "code":{"coding":[{"system":"http://snomed.info/sct","code":"271649006"}]},
         "subject":{"reference":"Patient/p1"},"effectiveDateTime":"2023-04-05",
         "valueQuantity":{"value":128.5,"system":"http://unitsofmeasure.org","code":"mm[Hg]"}}
        """;

    [Fact]
    public void An_observation_indexes_code_status_date_subject_and_value()
    {
        using var json = JsonDocument.Parse(Observation);

        var index = SearchIndexer.Index("Observation", "o1", json.RootElement);

        Assert.Contains(new TokenValue("code", "http://snomed.info/sct", "271649006"), index.Tokens);
        Assert.Contains(new TokenValue("status", "", "final"), index.Tokens);
        Assert.Contains(new ReferenceValue("subject", "Patient", "p1"), index.References);
        // 'patient' is 'subject' pointing at a Patient, so it is answered from the subject rows and stores none.
        Assert.DoesNotContain(index.References, r => r.Param == "patient");
        var patient = SearchParameterCatalog.Find("Observation", "patient")!;
        Assert.Equal(["subject"], patient.StoredAs!);
        Assert.Equal("Patient", patient.TargetFilter);
        var day = Assert.Single(index.Dates, d => d.Param == "date");
        Assert.Equal((DateTimeOffset.Parse("2023-04-05T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), 86_400_000L),
            (day.Low, day.High - day.Low));
        Assert.Contains(new QuantityValue("value-quantity", "http://unitsofmeasure.org", "mm[Hg]", 128.5, 128.5), index.Quantities);
        Assert.DoesNotContain(index.Tokens, t => t.Param == "combo-code");
        Assert.Equal("p1", index.Patient);
    }

    [Fact]
    public void Names_fold_case_and_accents_and_get_a_phonetic_key()
    {
        using var json = JsonDocument.Parse("""{"resourceType":"Patient","id":"p","name":[{"family":"Zoë-ALI","given":["Robert"]}]}""");

        var index = SearchIndexer.Index("Patient", "p", json.RootElement);

        Assert.Contains(new StringValue("family", "zoe-ali", "Zoë-ALI"), index.Strings);
        Assert.Contains(new StringValue("phonetic", "R163", "R163"), index.Strings);
        Assert.Equal("p", index.Patient);
    }

    [Fact]
    public void A_reference_filtered_by_type_keeps_only_that_type()
    {
        using var json = JsonDocument.Parse("""{"resourceType":"Observation","id":"o","status":"final","code":{"text":"x"},"subject":{"reference":"Group/g"}}""");

        var index = SearchIndexer.Index("Observation", "o", json.RootElement);

        Assert.Contains(new ReferenceValue("subject", "Group", "g"), index.References);
        Assert.DoesNotContain(index.References, r => r.Param == "patient");
        Assert.Null(index.Patient);
    }

    [Theory]
    [InlineData("2020", "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z")]
    [InlineData("2020-02", "2020-02-01T00:00:00Z", "2020-03-01T00:00:00Z")]
    [InlineData("2020-02-29", "2020-02-29T00:00:00Z", "2020-03-01T00:00:00Z")]
    [InlineData("2020-02-29T10:00", "2020-02-29T10:00:00Z", "2020-02-29T10:01:00Z")]
    [InlineData("2020-02-29T10:00:05+01:00", "2020-02-29T09:00:05Z", "2020-02-29T09:00:06Z")]
    [InlineData("2020-02-29T10:00:05.250Z", "2020-02-29T10:00:05.25Z", "2020-02-29T10:00:05.251Z")]
    public void A_date_stands_for_the_whole_span_of_its_precision(string text, string low, string high)
    {
        Assert.True(DateRange.TryParse(text, out var range));
        Assert.Equal(DateTimeOffset.Parse(low, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), range.Low);
        Assert.Equal(DateTimeOffset.Parse(high, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), range.High);
    }

    [Theory]
    [InlineData("2020-13")]
    [InlineData("2021-02-29")]
    [InlineData("20")]
    [InlineData("2020-01-01T25:00")]
    [InlineData("2020-01-01 10:00")]
    public void Impossible_dates_are_refused(string text) => Assert.False(DateRange.TryParse(text, out _));

    [Fact]
    public void The_catalogue_has_the_parameters_our_features_search_and_leaves_out_what_it_cannot_compile()
    {
        Assert.Equal(SearchParamType.Date, SearchParameterCatalog.Find("Patient", "birthdate")?.Type);
        Assert.Equal(SearchParamType.Reference, SearchParameterCatalog.Find("Observation", "subject")?.Type);
        Assert.Equal(SearchParamType.Quantity, SearchParameterCatalog.Find("Observation", "value-quantity")?.Type);
        Assert.Equal(SearchParamType.Token, SearchParameterCatalog.Find("Patient", "identifier")?.Type);
        Assert.Null(SearchParameterCatalog.Find("Patient", "deceased")); // 'exists() and != false' is beyond the compiler
        Assert.Null(SearchParameterCatalog.Find("Observation", "code-value-quantity")); // composite
        Assert.All(RecordTypes.InLoadOrder, type => Assert.NotNull(SearchParameterCatalog.Find(type, "_lastUpdated")));
    }

    [Fact]
    public void Stamping_sets_id_and_meta_and_renames_references()
    {
        using var json = JsonDocument.Parse("""{"resourceType":"Observation","id":"x","meta":{"versionId":"9","tag":[{"code":"t"}]},"subject":{"reference":"Patient/old"}}""");

        var body = ResourceBody.Stamp(json.RootElement, "o1", 2, DateTimeOffset.FromUnixTimeMilliseconds(0),
            new Dictionary<string, string> { ["Patient/old"] = "Patient/new" });

        Assert.Equal("""{"resourceType":"Observation","id":"o1","meta":{"versionId":"2","lastUpdated":"1970-01-01T00:00:00.000Z","tag":[{"code":"t"}]},"subject":{"reference":"Patient/new"}}""",
            System.Text.Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData("x", 1, false)]
    [InlineData("x", 3, false)]
    [InlineData("y", 1, false)]
    [InlineData("x", 1, true)]
    public void A_prepared_resource_stamps_as_the_tree_would(string id, int version, bool rename)
    {
        const string Text = """{"resourceType":"Observation","id":"x","meta":{"versionId":"9","lastUpdated":"2001-02-03T04:05:06Z","tag":[{"code":"t"}]},"status":"final","subject":{"reference":"Patient/old"}}""";
        var prepared = PreparedResource.From(System.Text.Encoding.UTF8.GetBytes(Text)).Value!;
        using var json = JsonDocument.Parse(Text);
        var at = new DateTimeOffset(2026, 11, 23, 9, 8, 7, 654, TimeSpan.FromHours(1));
        var renamed = rename ? new Dictionary<string, string> { ["Patient/old"] = "Patient/new" } : null;

        var body = prepared.Stamp(id, version, at, renamed);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(ResourceBody.Stamp(json.RootElement, id, version, at, renamed)),
            System.Text.Encoding.UTF8.GetString(body));
        Assert.Contains("\"lastUpdated\":\"2026-11-23T08:08:07.654Z\"", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        // Stamping again with another time changes only the time.
        var later = System.Text.Encoding.UTF8.GetString(prepared.Stamp(id, version, at.AddSeconds(1), renamed));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(ResourceBody.Stamp(json.RootElement, id, version, at.AddSeconds(1), renamed)), later);
    }
}
