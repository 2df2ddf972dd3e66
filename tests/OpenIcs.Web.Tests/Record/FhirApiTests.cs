using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenIcs.Web.Tests.Record;

public abstract class FhirApiTests<TFixture, TApp>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : RecordWebApp<TApp>
    where TApp : WebAppFixture, new()
{
    private const string Jane = """
        {"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765919"}],
         "name":[{"family":"Ashworth","given":["Jane"]}],"gender":"female","birthDate":"1970-03-04",
         "address":[{"postalCode":"E3 4AA"}]}
        """;

    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (fixture.SkipReason is { } reason)
            Assert.Skip(reason);
        _client = fixture.App.Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Metadata_states_the_types_search_parameters_and_operations_in_JSON_and_XML()
    {
        var json = await GetJson("/fhir/metadata");
        using var xml = await _client.GetAsync("/fhir/metadata?_format=xml", Ct);

        Assert.Equal("CapabilityStatement", json["resourceType"]!.GetValue<string>());
        var patient = json["rest"]![0]!["resource"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "Patient")!;
        Assert.Contains(patient["searchParam"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "birthdate" && p["type"]!.GetValue<string>() == "date");
        Assert.DoesNotContain(patient["searchParam"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "deceased");
        Assert.Equal(["everything", "match", "export"], patient["operation"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()));
        Assert.Equal("application/fhir+xml", xml.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<CapabilityStatement xmlns=\"http://hl7.org/fhir\">", await xml.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_read_update_and_delete_follow_versions_with_ETags()
    {
        using var created = await Post("/fhir/Patient", Jane.Replace("9434765919", OpenIcs.Testing.RecordSamples.WithCheckDigit("999100001"), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync(Ct))!["id"]!.GetValue<string>();
        Assert.EndsWith($"/fhir/Patient/{id}/_history/1", location, StringComparison.Ordinal);
        Assert.Equal("W/\"1\"", created.Headers.ETag?.ToString());

        using var read = await _client.GetAsync($"/fhir/Patient/{id}", Ct);
        var update = JsonNode.Parse(await read.Content.ReadAsStringAsync(Ct))!;
        update["gender"] = "other";
        using var stale = await Put($"/fhir/Patient/{id}", update.ToJsonString(), ifMatch: "W/\"2\"");
        using var updated = await Put($"/fhir/Patient/{id}", update.ToJsonString(), ifMatch: "W/\"1\"", prefer: "return=minimal");
        using var deleted = await _client.DeleteAsync($"/fhir/Patient/{id}", Ct);
        using var gone = await _client.GetAsync($"/fhir/Patient/{id}", Ct);
        var history = await GetJson($"/fhir/Patient/{id}/_history");
        using var first = await _client.GetAsync($"/fhir/Patient/{id}/_history/1", Ct);

        Assert.NotNull(read.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("conflict", (await Outcome(stale))["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Empty(await updated.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal(["DELETE", "PUT", "POST"], history["entry"]!.AsArray().Select(e => e!["request"]!["method"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    [Fact]
    public async Task XML_goes_in_and_comes_out_and_history_pages_with_next_links()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/fhir/Organization")
        {
            Content = new StringContent("<Organization xmlns=\"http://hl7.org/fhir\"><name value=\"Poplar Mosque Food Bank\"/></Organization>", Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+xml");
        request.Headers.Accept.ParseAdd("application/fhir+xml");
        using var created = await _client.SendAsync(request, Ct);
        var xml = await created.Content.ReadAsStringAsync(Ct);
        var id = System.Text.RegularExpressions.Regex.Match(xml, "<id value=\"([^\"]+)\"").Groups[1].Value;
        for (var version = 1; version <= 3; version++)
            (await Put($"/fhir/Organization/{id}", $$"""{"resourceType":"Organization","id":"{{id}}","name":"Poplar {{version}}"}""")).Dispose();

        var json = await GetJson($"/fhir/Organization/{id}/_history/1");
        var first = await GetJson($"/fhir/Organization/{id}/_history?_count=3");
        var next = first["link"]!.AsArray().Single(l => l!["relation"]!.GetValue<string>() == "next")!["url"]!.GetValue<string>();
        var second = await GetJson(next);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("application/fhir+xml", created.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<name value=\"Poplar Mosque Food Bank\" />", xml, StringComparison.Ordinal);
        Assert.Equal("Poplar Mosque Food Bank", json["name"]!.GetValue<string>());
        Assert.Equal(["4", "3", "2"], first["entry"]!.AsArray().Select(e => e!["resource"]!["meta"]!["versionId"]!.GetValue<string>()));
        Assert.Equal(["1"], second["entry"]!.AsArray().Select(e => e!["resource"]!["meta"]!["versionId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Two_updates_with_the_same_If_Match_give_exactly_one_412()
    {
        using var created = await Post("/fhir/Organization", """{"resourceType":"Organization","name":"Bow Foodbank"}""");
        var organisation = JsonNode.Parse(await created.Content.ReadAsStringAsync(Ct))!;
        var id = organisation["id"]!.GetValue<string>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
        {
            var copy = organisation.DeepClone();
            copy["name"] = $"Bow Foodbank {i}";
            return Put($"/fhir/Organization/{id}", copy.ToJsonString(), ifMatch: "W/\"1\"");
        }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], responses.Select(r => r.StatusCode).Order());
        foreach (var response in responses)
            response.Dispose();
    }

    [Theory]
    [InlineData("/fhir/Patient", "{\"resourceType\":\"Patient\",", "application/fhir+json", 400, "invalid")]
    [InlineData("/fhir/Patient", "<Patient xmlns=\"http://hl7.org/fhir\"><gender value=\"female\"></Patient>", "application/fhir+xml", 400, "invalid")]
    [InlineData("/fhir/Patient", "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}", "application/fhir+json", 400, "invalid")]
    [InlineData("/fhir/Patient", "{\"resourceType\":\"Patient\",\"shoeSize\":9}", "application/fhir+json", 400, "invalid")]
    [InlineData("/fhir/Patient", "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9434765918\"}]}", "application/fhir+json", 422, "business-rule")]
    [InlineData("/fhir/Observation", "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/nobody\"}}", "application/fhir+json", 422, "business-rule")]
    [InlineData("/fhir/Spaceship", "{\"resourceType\":\"Spaceship\"}", "application/fhir+json", 404, "not-found")]
    [InlineData("/fhir/Patient", "{}", "text/csv", 415, "not-supported")]
    public async Task Bad_input_is_an_OperationOutcome_with_the_right_status(string path, string body, string mediaType, int status, string code)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await _client.PostAsync(path, content, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (await Outcome(response))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_patient_with_an_NHS_number_already_held_is_a_409()
    {
        using var first = await Post("/fhir/Patient", Jane.Replace("9434765919", OpenIcs.Testing.RecordSamples.WithCheckDigit("999100003"), StringComparison.Ordinal));
        using var second = await Post("/fhir/Patient", Jane.Replace("9434765919", OpenIcs.Testing.RecordSamples.WithCheckDigit("999100003"), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("duplicate", (await Outcome(second))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_routes_and_methods_are_OperationOutcomes()
    {
        using var route = await _client.GetAsync("/fhir/Patient/pat-1/nothing/here", Ct);
        using var type = await _client.GetAsync("/fhir/Spaceship/1", Ct);
        using var missing = await _client.GetAsync("/fhir/Patient/nobody", Ct);

        Assert.Equal(HttpStatusCode.NotFound, route.StatusCode);
        Assert.Equal("not-found", (await Outcome(route))["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, type.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Patient/nobody does not exist.", (await Outcome(missing))["diagnostics"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_transaction_resolves_references_between_entries()
    {
        var bundle = Transaction(
            ("urn:uuid:5f0a8f37-8bb5-4c39-9a44-9f8a2a7f0001", """{"resourceType":"Patient","name":[{"family":"Transact"}]}""", "POST", "Patient"),
            (null, """{"resourceType":"Observation","status":"final","code":{"text":"weight"},"subject":{"reference":"urn:uuid:5f0a8f37-8bb5-4c39-9a44-9f8a2a7f0001"}}""", "POST", "Observation"));

        using var response = await Post("/fhir", bundle);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("transaction-response", result["type"]!.GetValue<string>());
        var patientId = result["entry"]![0]!["resource"]!["id"]!.GetValue<string>();
        Assert.Equal($"Patient/{patientId}", result["entry"]![1]!["resource"]!["subject"]!["reference"]!.GetValue<string>());
        Assert.Equal("201 Created", result["entry"]![1]!["response"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_transaction_with_a_failing_entry_writes_nothing()
    {
        var bundle = Transaction(
            (null, """{"resourceType":"Patient","name":[{"family":"Halfwritten"}]}""", "POST", "Patient"),
            (null, """{"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"1234567890"}]}""", "POST", "Patient"));
        var dangling = Transaction(
            (null, """{"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":{"reference":"urn:uuid:00000000-0000-4000-8000-000000000000"}}""", "POST", "Observation"));

        using var response = await Post("/fhir", bundle);
        using var danglingResponse = await Post("/fhir", dangling);
        var search = await GetJson("/fhir/Patient?family=halfwritten");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Bundle.entry[1].resource.Patient.identifier[0].value", (await Outcome(response))["expression"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, danglingResponse.StatusCode);
        Assert.Equal(0, search["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_bundle_over_the_entry_limit_is_a_413()
    {
        var entries = Enumerable.Range(0, 1001).Select(_ => ((string?)null, """{"resourceType":"Organization","name":"x"}""", "POST", "Organization")).ToArray();

        using var response = await Post("/fhir", Transaction(entries));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("too-costly", (await Outcome(response))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_pages_follow_next_links_and_strict_handling_rejects_unknown_parameters()
    {
        var ids = new List<string>();
        string? next = "/fhir/Observation?code=271649006&_count=10";
        while (next is not null)
        {
            var page = await GetJson(next);
            ids.AddRange(page["entry"]?.AsArray().Select(e => e!["resource"]!["id"]!.GetValue<string>()) ?? []);
            next = page["link"]!.AsArray().FirstOrDefault(l => l!["relation"]!.GetValue<string>() == "next")?["url"]!.GetValue<string>();
        }

        using var strict = new HttpRequestMessage(HttpMethod.Get, "/fhir/Patient?shoe-size=9");
        strict.Headers.Add("Prefer", "handling=strict");
        using var strictResponse = await _client.SendAsync(strict, Ct);
        var lenient = await GetJson("/fhir/Patient?shoe-size=9&_count=1");

        Assert.Equal(36, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(HttpStatusCode.BadRequest, strictResponse.StatusCode);
        Assert.Equal("outcome", lenient["entry"]!.AsArray()[^1]!["search"]!["mode"]!.GetValue<string>());
        Assert.DoesNotContain("shoe-size", lenient["link"]![0]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Elements_and_summary_count_trim_what_search_returns()
    {
        var trimmed = await GetJson("/fhir/Patient?_id=pat-1&_elements=gender");
        var count = await GetJson("/fhir/Encounter?_summary=count");

        var patient = trimmed["entry"]![0]!["resource"]!.AsObject();
        Assert.True(patient.ContainsKey("gender"));
        Assert.False(patient.ContainsKey("name"));
        Assert.Equal("SUBSETTED", patient["meta"]!["tag"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(24, count["total"]!.GetValue<int>());
        Assert.Null(count["entry"]);
    }

    [Fact]
    public async Task Everything_returns_the_resident_their_records_and_who_cared_for_them()
    {
        var everything = await GetJson("/fhir/Patient/pat-4/$everything");
        var onlyObservations = await GetJson("/fhir/Patient/pat-4/$everything?_type=Observation");

        var found = everything["entry"]!.AsArray().Select(e => $"{e!["resource"]!["resourceType"]}/{e["resource"]!["id"]}").ToHashSet();
        Assert.Contains("Patient/pat-4", found);
        Assert.Contains("Observation/obs-4-2", found);
        Assert.Contains("EpisodeOfCare/eoc-4", found);
        Assert.Contains("Organization/org-4", found);
        Assert.Contains("Practitioner/prac-0", found);
        Assert.DoesNotContain("Patient/pat-5", found);
        Assert.Equal(3, onlyObservations["entry"]!.AsArray().Count);
    }

    [Fact]
    public async Task Bulk_export_runs_asynchronously_and_lists_NDJSON_files_for_the_system_and_a_group()
    {
        using var noPrefer = await _client.GetAsync("/fhir/$export", Ct);
        var system = await ExportAsync("/fhir/$export?_type=Patient,Observation");
        var group = await ExportAsync("/fhir/Group/household-0/$export");

        Assert.Equal(HttpStatusCode.BadRequest, noPrefer.StatusCode);
        // Other tests in the class add patients and observations, so the export holds at least the samples.
        Assert.Superset(fixture.Samples.Of("Patient").Select(p => p["id"]!.GetValue<string>()).ToHashSet(),
            system["Patient"].Select(p => p["id"]!.GetValue<string>()).ToHashSet());
        Assert.Superset(fixture.Samples.Of("Observation").Select(p => p["id"]!.GetValue<string>()).ToHashSet(),
            system["Observation"].Select(p => p["id"]!.GetValue<string>()).ToHashSet());
        Assert.All(system["Observation"], o => Assert.Equal("Observation", o["resourceType"]!.GetValue<string>()));
        Assert.Equal(["pat-0", "pat-1", "pat-2"], group["Patient"].Select(p => p["id"]!.GetValue<string>()).Order());
        Assert.Equal(9, group["Observation"].Count);
        Assert.False(group.ContainsKey("Organization"));
    }

    [Fact]
    public async Task Match_finds_a_resident_from_demographics_with_typos_and_grades_it()
    {
        var samples = fixture.Samples;
        var resident = samples.Of("Patient")[7];
        var query = new JsonObject
        {
            ["resourceType"] = "Patient",
            ["name"] = new JsonArray(new JsonObject { ["family"] = resident["name"]![0]!["family"]!.GetValue<string>() + "e", ["given"] = resident["name"]![0]!["given"]!.DeepClone() }),
            ["birthDate"] = resident["birthDate"]!.GetValue<string>(),
            ["gender"] = resident["gender"]!.GetValue<string>(),
            ["address"] = new JsonArray(new JsonObject { ["postalCode"] = resident["address"]![0]!["postalCode"]!.GetValue<string>() }),
        };
        var parameters = $$"""{"resourceType":"Parameters","parameter":[{"name":"resource","resource":{{query.ToJsonString()}}}]}""";

        using var response = await Post("/fhir/Patient/$match", parameters);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        var best = bundle["entry"]![0]!;
        Assert.Equal("pat-7", best["resource"]!["id"]!.GetValue<string>());
        Assert.True(best["search"]!["score"]!.GetValue<decimal>() >= 0.9m);
        Assert.Equal("http://hl7.org/fhir/StructureDefinition/match-grade", best["search"]!["extension"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ingesting_the_same_NDJSON_again_changes_nothing()
    {
        var samples = fixture.Samples;
        using var content = new StringContent(string.Concat(samples.Of("Condition").Select(c => c.ToJsonString() + "\n")), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+ndjson");

        using var response = await _client.PostAsync("/fhir/$ingest", content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0 created, 0 updated, 12 unchanged, 0 rejected.", (await Outcome(response))["diagnostics"]!.GetValue<string>());
    }

    private async Task<Dictionary<string, List<JsonNode>>> ExportAsync(string kickOff)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, kickOff);
        request.Headers.Add("Prefer", "respond-async");
        using var started = await _client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var status = started.Content.Headers.ContentLocation ?? new Uri(started.Headers.GetValues("Content-Location").Single());
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var poll = await _client.GetAsync(status, Ct);
            if (poll.StatusCode == HttpStatusCode.Accepted)
            {
                await Task.Delay(50, Ct);
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
            var manifest = JsonNode.Parse(await poll.Content.ReadAsStringAsync(Ct))!;
            var files = new Dictionary<string, List<JsonNode>>();
            foreach (var output in manifest["output"]!.AsArray())
            {
                var text = await _client.GetStringAsync(output!["url"]!.GetValue<string>(), Ct);
                var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
                Assert.Equal(output["count"]!.GetValue<long>(), lines.Count);
                files[output["type"]!.GetValue<string>()] = lines;
            }

            return files;
        }

        throw new TimeoutException("The export did not finish.");
    }

    private static string Transaction(params (string? FullUrl, string Resource, string Method, string Url)[] entries) =>
        new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "transaction",
            ["entry"] = new JsonArray(entries.Select(e =>
            {
                var entry = new JsonObject { ["resource"] = JsonNode.Parse(e.Resource), ["request"] = new JsonObject { ["method"] = e.Method, ["url"] = e.Url } };
                if (e.FullUrl is not null)
                    entry["fullUrl"] = e.FullUrl;
                return (JsonNode)entry;
            }).ToArray()),
        }.ToJsonString();

    private async Task<HttpResponseMessage> Post(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        return await _client.PostAsync(path, content, Ct);
    }

    private async Task<HttpResponseMessage> Put(string path, string json, string? ifMatch = null, string? prefer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (prefer is not null)
            request.Headers.Add("Prefer", prefer);
        return await _client.SendAsync(request, Ct);
    }

    private async Task<JsonNode> GetJson(string path)
    {
        using var response = await _client.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
    }

    private static async Task<JsonNode> Outcome(HttpResponseMessage response)
    {
        var outcome = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("OperationOutcome", outcome["resourceType"]!.GetValue<string>());
        return outcome["issue"]![0]!;
    }
}

public sealed class SqliteFhirApiTests(SqliteRecordWebApp fixture) : FhirApiTests<SqliteRecordWebApp, SqliteWebApp>(fixture);

public sealed class PostgresFhirApiTests(PostgresRecordWebApp fixture) : FhirApiTests<PostgresRecordWebApp, PostgresWebApp>(fixture);
