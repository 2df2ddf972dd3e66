using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;
using OpenIcs.Governance;
using OpenIcs.Record;
using OpenIcs.Record.Search;
using OpenIcs.Testing;

namespace OpenIcs.Tests.Record;

public abstract class RecordSearchTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime where TFixture : RecordFixture
{
    private static readonly AccessContext Reader = AccessContext.For("test", "gp", null, AccessPurpose.DirectCare);

    private static readonly string[] Prefixes = ["eq", "ne", "gt", "lt", "ge", "le", "sa", "eb"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RecordSamples Samples => fixture.Samples;

    public ValueTask InitializeAsync()
    {
        if (fixture.SkipReason is not null)
            Assert.Skip(fixture.SkipReason);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Tokens_match_code_system_and_code_and_not()
    {
        var diabetes = await Ids("Condition", ("code", "44054006"));
        var withSystem = await Ids("Condition", ("code", "http://snomed.info/sct|44054006"));
        var wrongSystem = await Ids("Condition", ("code", "http://loinc.org|44054006"));
        var notDiabetes = await Ids("Condition", ("code:not", "44054006"));
        var byNhsNumber = await Ids("Patient", ("identifier", $"https://fhir.nhs.uk/Id/nhs-number|{NhsNumberOf("pat-7")}"));

        var expected = Samples.Of("Condition").Where(c => Code(c) == "44054006").Select(Id).Order().ToList();
        Assert.Equal(expected, diabetes);
        Assert.Equal(expected, withSystem);
        Assert.Empty(wrongSystem);
        Assert.Equal(Samples.Of("Condition").Count - expected.Count, notDiabetes.Count);
        Assert.Equal(["pat-7"], byNhsNumber);
    }

    [Fact]
    public async Task Strings_match_the_start_ignoring_case_and_accents_and_exact_and_contains_as_asked()
    {
        var zoe = await Ids("Patient", ("family", "zoe"));
        var exact = await Ids("Patient", ("family:exact", "Zoë-Ali"));
        var exactWrongCase = await Ids("Patient", ("family:exact", "zoë-ali"));
        var contains = await Ids("Patient", ("family:contains", "bri"));
        var postcode = await Ids("Patient", ("address-postalcode", "e1"));

        var expected = Samples.Of("Patient").Where(p => Family(p) == "Zoë-Ali").Select(Id).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, zoe);
        Assert.Equal(expected, exact);
        Assert.Empty(exactWrongCase);
        Assert.Equal(Samples.Of("Patient").Where(p => Family(p) == "O'Brien").Select(Id).Order(), contains);
        Assert.Equal(Samples.Of("Patient").Where(p => Postcode(p).StartsWith("E1", StringComparison.Ordinal)).Select(Id).Order(), postcode);
    }

    [Fact]
    public async Task Date_prefixes_follow_the_FHIR_range_rules() =>
        await Gen.Select(Gen.Int[0, 7].Select(i => Prefixes[i]), Gen.Int[0, 400], Gen.Int[0, 3])
            .SampleAsync(async (prefix, day, precision) =>
            {
                var at = new DateTime(2021, 1, 1).AddDays(day);
                var text = precision switch
                {
                    0 => at.ToString("yyyy", CultureInfo.InvariantCulture),
                    1 => at.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    2 => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    _ => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                };
                var found = await Ids("Observation", ("date", prefix + text));
                Assert.True(DateRange.TryParse(text, out var search));
                var expected = Samples.Of("Observation").Where(o =>
                {
                    Assert.True(DateRange.TryParse(o["effectiveDateTime"]!.GetValue<string>(), out var target));
                    var within = target.Low >= search.Low && target.High <= search.High;
                    return prefix switch
                    {
                        "eq" => within,
                        "ne" => !within,
                        "gt" => target.High > search.High,
                        "lt" => target.Low < search.Low,
                        "ge" => target.High > search.High || within,
                        "le" => target.Low < search.Low || within,
                        "sa" => target.Low >= search.High,
                        _ => target.High <= search.Low,
                    };
                }).Select(Id).Order().ToList();
                Assert.Equal(expected, found);
            }, iter: 25);

    [Fact]
    public async Task Quantities_compare_with_prefixes_and_the_precision_of_the_value()
    {
        var high = await Ids("Observation", ("value-quantity", "gt150"));
        var exactly = await Ids("Observation", ("value-quantity", "120|http://unitsofmeasure.org|mm[Hg]"));
        var otherUnit = await Ids("Observation", ("value-quantity", "120|http://unitsofmeasure.org|kg"));

        Assert.Equal(Samples.Of("Observation").Where(o => Value(o) > 150).Select(Id).Order(), high);
        Assert.Equal(Samples.Of("Observation").Where(o => Value(o) == 120).Select(Id).Order(), exactly);
        Assert.Empty(otherUnit);
    }

    [Fact]
    public async Task References_match_by_type_and_id_by_id_and_through_chains()
    {
        var bySubject = await Ids("Observation", ("subject", "Patient/pat-3"));
        var byPatientId = await Ids("Observation", ("patient", "pat-3"));
        var byChainedIdentifier = await Ids("Observation", ("subject:Patient.identifier", $"https://fhir.nhs.uk/Id/nhs-number|{NhsNumberOf("pat-3")}"));
        var byChainedName = await Ids("Encounter", ("subject:Patient.family", "okafor"));
        var twoLevels = await Ids("Encounter", ("subject:Patient.general-practitioner:Organization.name", "Practice 2"));

        var expected = Samples.Of("Observation").Where(o => Subject(o) == "Patient/pat-3").Select(Id).Order().ToList();
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, bySubject);
        Assert.Equal(expected, byPatientId);
        Assert.Equal(expected, byChainedIdentifier);
        var okafor = Samples.Of("Patient").Where(p => Family(p) == "Okafor").Select(p => $"Patient/{Id(p)}").ToHashSet();
        Assert.Equal(Samples.Of("Encounter").Where(e => okafor.Contains(Subject(e))).Select(Id).Order(), byChainedName);
        var atPractice2 = Samples.Of("Patient").Where(p => p["generalPractitioner"]![0]!["reference"]!.GetValue<string>() == "Organization/org-2")
            .Select(p => $"Patient/{Id(p)}").ToHashSet();
        Assert.Equal(Samples.Of("Encounter").Where(e => atPractice2.Contains(Subject(e))).Select(Id).Order(), twoLevels);
    }

    [Fact]
    public async Task Includes_add_what_matches_refer_to_and_revincludes_what_refers_to_them()
    {
        var page = await Search("Observation", ("subject", "Patient/pat-5"), ("_include", "Observation:subject"), ("_include", "Observation:performer:Practitioner"));
        var reverse = await Search("Patient", ("_id", "pat-5"), ("_revinclude", "Condition:subject"), ("_revinclude", "Encounter:patient"));

        Assert.Equal(3, page.Matches.Count);
        Assert.Equal(["Patient/pat-5", "Practitioner/prac-1"], page.Included.Select(i => $"{i.Type}/{i.Id}").Order());
        Assert.Equal(["Condition/cond-5", "Encounter/enc-5-0", "Encounter/enc-5-1"], reverse.Included.Select(i => $"{i.Type}/{i.Id}").Order());
    }

    [Fact]
    public async Task Sorting_by_birth_date_orders_pages_and_counts_are_exact()
    {
        var ascending = new List<string>();
        var request = Parse("Patient", ("_sort", "birthdate,_id"), ("_count", "7"));
        SearchCursor? cursor = null;
        do
        {
            var page = (await fixture.Store.SearchAsync(Reader, request with { After = cursor }, Ct)).Value!;
            ascending.AddRange(page.Matches.Select(m => m.Id));
            cursor = page.Next;
        }
        while (cursor is not null);
        var descending = await Search("Patient", ("_sort", "-birthdate"), ("_count", "3"));
        var count = await Search("Patient", ("gender", "male"), ("_summary", "count"));

        var byBirth = Samples.Of("Patient").OrderBy(p => p["birthDate"]!.GetValue<string>(), StringComparer.Ordinal).ThenBy(Id, StringComparer.Ordinal).Select(Id).ToList();
        Assert.Equal(byBirth, ascending);
        Assert.Equal(byBirth.AsEnumerable().Reverse().Take(3), descending.Matches.Select(m => m.Id));
        Assert.Equal(Samples.Of("Patient").Count(p => p["gender"]!.GetValue<string>() == "male"), count.Total);
        Assert.Empty(count.Matches);
    }

    [Fact]
    public async Task Missing_and_last_updated_and_id_filter_as_asked()
    {
        var withoutEncounter = await Ids("Observation", ("encounter:missing", "true"));
        var recent = await Ids("Group", ("_lastUpdated", "gt2000-01-01"));
        var future = await Ids("Group", ("_lastUpdated", "gt2999-01-01"));
        var two = await Ids("Patient", ("_id", "pat-1,pat-2"));

        Assert.Empty(withoutEncounter);
        Assert.Equal(["household-0"], recent);
        Assert.Empty(future);
        Assert.Equal(["pat-1", "pat-2"], two);
    }

    [Fact]
    public void Unknown_parameters_are_ignored_unless_strict_and_bad_values_always_fail()
    {
        var lenient = SearchRequestParser.Parse("Patient", [new("shoe-size", "9"), new("family", "smith")], strict: false);
        var strict = SearchRequestParser.Parse("Patient", [new("shoe-size", "9")], strict: true);
        var badDate = SearchRequestParser.Parse("Patient", [new("birthdate", "ge2020-13")], strict: false);
        var badModifier = SearchRequestParser.Parse("Patient", [new("family:sounds-like", "x")], strict: false);

        Assert.Equal(["shoe-size"], lenient.Value!.Ignored);
        Assert.Equal(400, strict.Error!.Status);
        Assert.Equal("'shoe-size' is not a search parameter of Patient that this server supports.", strict.Error.Message);
        Assert.Equal(400, badDate.Error!.Status);
        Assert.Equal(400, badModifier.Error!.Status);
    }

    private async Task<SearchPage> Search(string type, params (string Key, string Value)[] parameters)
    {
        var page = await fixture.Store.SearchAsync(Reader, Parse(type, parameters), Ct);
        Assert.True(page.Succeeded, page.Error?.Message);
        return page.Value!;
    }

    private async Task<List<string>> Ids(string type, params (string Key, string Value)[] parameters)
    {
        var page = await Search(type, [.. parameters, ("_count", "1000")]);
        return page.Matches.Select(m => m.Id).Order().ToList();
    }

    private static SearchRequest Parse(string type, params (string Key, string Value)[] parameters)
    {
        var parsed = SearchRequestParser.Parse(type, parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)), strict: true);
        Assert.True(parsed.Succeeded, parsed.Error?.Message);
        return parsed.Value!;
    }

    private string NhsNumberOf(string patientId) =>
        Samples.Of("Patient").Single(p => Id(p) == patientId)["identifier"]![0]!["value"]!.GetValue<string>();

    private static string Id(JsonObject resource) => resource["id"]!.GetValue<string>();

    private static string Code(JsonObject resource) => resource["code"]!["coding"]![0]!["code"]!.GetValue<string>();

    private static string Family(JsonObject patient) => patient["name"]![0]!["family"]!.GetValue<string>();

    private static string Postcode(JsonObject patient) => patient["address"]![0]!["postalCode"]!.GetValue<string>();

    private static string Subject(JsonObject resource) => resource["subject"]!["reference"]!.GetValue<string>();

    private static double Value(JsonObject observation) => observation["valueQuantity"]!["value"]!.GetValue<int>();
}

public sealed class SqliteRecordSearchTests(SqliteRecordFixture fixture) : RecordSearchTests<SqliteRecordFixture>(fixture);

public sealed class PostgresRecordSearchTests(PostgresRecordFixture fixture) : RecordSearchTests<PostgresRecordFixture>(fixture);
