using System.Text.Json.Nodes;
using OpenIcs.Governance;
using OpenIcs.Record;
using OpenIcs.Record.Search;
using OpenIcs.Storage;
using OpenIcs.Testing;
using OpenIcs.Tests.Storage;
using static OpenIcs.Tests.Record.RecordTestData;

namespace OpenIcs.Tests.Record;

public abstract class RecordStoreTests(StoreKind kind) : StoreTests(kind)
{
    private static readonly AccessContext Reader = AccessContext.For("test", "gp", "F84003", AccessPurpose.DirectCare);

    private RecordStore Store => new(Database, TimeProvider.System);

    private const string Jane = """
        {"resourceType":"Patient","id":"jane","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765919"}],
         "name":[{"family":"Smith","given":["Jane"]}],"birthDate":"1970-03-04"}
        """;

    [Fact]
    public async Task A_created_resource_reads_back_as_version_1_with_meta()
    {
        var created = await Store.TryWriteAsync(w => w.CreateAsync(Prepared(Jane), Ct), Ct);

        var read = await Store.ReadAsync(Reader, "Patient", "jane", Ct);

        Assert.Equal(WriteKind.Created, created.Value!.Kind);
        Assert.NotNull(read);
        Assert.Equal((1, false), (read.Version, read.Deleted));
        var json = JsonNode.Parse(read.Body!)!;
        Assert.Equal("1", json["meta"]!["versionId"]!.GetValue<string>());
        Assert.Equal(JsonNode.Parse(Jane)!.ToJsonString(), WithoutMeta(read.Body!).ToJsonString());
        Assert.Null(await Store.ReadAsync(Reader, "Patient", "nobody", Ct));
    }

    [Fact]
    public async Task Updates_make_versions_and_history_keeps_every_one_newest_first()
    {
        await Store.TryWriteAsync(w => w.CreateAsync(Prepared(Jane), Ct), Ct);
        var same = await Store.TryWriteAsync(w => w.UpdateAsync(Prepared(Jane), null, Ct), Ct);
        var changed = await Store.TryWriteAsync(w => w.UpdateAsync(Prepared(Jane.Replace("Smith", "Jones", StringComparison.Ordinal)), 1, Ct), Ct);
        var deleted = await Store.TryWriteAsync(w => w.DeleteAsync("Patient", "jane", null, Ct), Ct);
        var revived = await Store.TryWriteAsync(w => w.UpdateAsync(Prepared(Jane), null, Ct), Ct);

        Assert.Equal(WriteKind.Unchanged, same.Value!.Kind);
        Assert.Equal((WriteKind.Updated, 2), (changed.Value!.Kind, changed.Value.Resource.Version));
        Assert.Equal(3, deleted.Value!.Resource.Version);
        Assert.Equal((WriteKind.Created, 4), (revived.Value!.Kind, revived.Value.Resource.Version));
        var history = await Store.HistoryAsync(Reader, "Patient", "jane", null, null, 10, Ct);
        Assert.Equal([4, 3, 2, 1], history.Select(h => h.Version));
        Assert.True(history[1].Deleted);
        Assert.Equal("Jones", JsonNode.Parse((await Store.ReadVersionAsync(Reader, "Patient", "jane", 2, Ct))!.Body!)!["name"]![0]!["family"]!.GetValue<string>());
        Assert.True((await Store.ReadVersionAsync(Reader, "Patient", "jane", 3, Ct))!.Deleted);
        Assert.Null(await Store.ReadVersionAsync(Reader, "Patient", "jane", 5, Ct));
    }

    [Fact]
    public async Task A_deleted_resource_reads_as_deleted_and_leaves_search()
    {
        await Store.TryWriteAsync(w => w.CreateAsync(Prepared(Jane), Ct), Ct);
        await Store.TryWriteAsync(w => w.DeleteAsync("Patient", "jane", null, Ct), Ct);

        var read = await Store.ReadAsync(Reader, "Patient", "jane", Ct);
        var found = await Store.SearchAsync(Reader, Search("Patient", ("family", "smith")), Ct);

        Assert.True(read!.Deleted);
        Assert.Null(read.Body);
        Assert.Empty(found.Value!.Matches);
    }

    [Fact]
    public async Task If_match_on_an_old_version_fails_with_412()
    {
        await Store.TryWriteAsync(w => w.CreateAsync(Prepared(Jane), Ct), Ct);

        var stale = await Store.TryWriteAsync(w => w.UpdateAsync(Prepared(Jane.Replace("Jane", "Janet", StringComparison.Ordinal)), 2, Ct), Ct);
        var staleDelete = await Store.TryWriteAsync(w => w.DeleteAsync("Patient", "jane", 7, Ct), Ct);

        Assert.Equal(412, stale.Error!.Status);
        Assert.Equal(412, staleDelete.Error!.Status);
        Assert.Equal(1, (await Store.ReadAsync(Reader, "Patient", "jane", Ct))!.Version);
    }

    [Fact]
    public async Task Two_updates_with_the_same_if_match_give_exactly_one_412()
    {
        await Store.TryWriteAsync(w => w.CreateAsync(Prepared(Jane), Ct), Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Task.Run(() =>
            Store.TryWriteAsync(w => w.UpdateAsync(Prepared(Jane.Replace("Jane", $"Jane{i}", StringComparison.Ordinal)), 1, Ct), Ct))));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.Error?.Status == 412);
        Assert.Equal(2, (await Store.ReadAsync(Reader, "Patient", "jane", Ct))!.Version);
    }

    [Fact]
    public async Task A_second_patient_with_the_same_NHS_number_is_refused()
    {
        await Store.TryWriteAsync(w => w.CreateAsync(Prepared(Jane), Ct), Ct);

        var twin = await Store.TryWriteAsync(w => w.CreateAsync(Prepared(Jane.Replace("\"jane\"", "\"twin\"", StringComparison.Ordinal)), Ct), Ct);

        Assert.Equal(409, twin.Error!.Status);
        Assert.Contains("Patient/jane already has this NHS number", twin.Error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.ReadAsync(Reader, "Patient", "twin", Ct));
    }

    [Fact]
    public void An_invalid_NHS_number_is_a_422_naming_where_it_is()
    {
        var outcome = PreparedResource.From(System.Text.Encoding.UTF8.GetBytes(Jane.Replace("9434765919", "9434765918", StringComparison.Ordinal)));

        Assert.Equal(422, outcome.Error!.Status);
        Assert.Equal("Patient.identifier[0].value", outcome.Error.Location);
    }

    [Fact]
    public async Task A_failing_transaction_writes_nothing()
    {
        var outcome = await Store.TryWriteAsync<WriteResult>(async w =>
        {
            await w.CreateAsync(Prepared(Jane), Ct);
            await w.CreateAsync(Prepared("""{"resourceType":"Organization","id":"org","name":"Practice"}"""), Ct);
            return RecordError.Invalid("the third entry is wrong");
        }, Ct);

        Assert.False(outcome.Succeeded);
        Assert.Null(await Store.ReadAsync(Reader, "Patient", "jane", Ct));
        Assert.Null(await Store.ReadAsync(Reader, "Organization", "org", Ct));
        Assert.Empty((await Store.SearchAsync(Reader, Search("Patient", ("identifier", "9434765919")), Ct)).Value!.Matches);
    }

    [Fact]
    public async Task Bulk_ingest_round_trips_every_resource_type_and_loading_again_changes_nothing()
    {
        var samples = new RecordSamples(8);

        var first = await IngestAsync(Store, samples, Ct);
        var second = await IngestAsync(Store, samples, Ct);

        Assert.Equal(samples.Count, first.Sum(r => r.Created));
        Assert.Equal((0, 0, samples.Count), (second.Sum(r => r.Created), second.Sum(r => r.Updated), second.Sum(r => r.Unchanged)));
        Assert.Equal(RecordTypes.InLoadOrder.Order(), samples.Types.Order());
        foreach (var resource in samples.All)
        {
            var stored = await Store.ReadAsync(Reader, resource["resourceType"]!.GetValue<string>(), resource["id"]!.GetValue<string>(), Ct);
            Assert.NotNull(stored);
            Assert.Equal(1, stored.Version);
            Assert.True(JsonNode.DeepEquals(resource, WithoutMeta(stored.Body!)), $"{stored.Type}/{stored.Id} changed on the way");
        }
    }

    [Fact]
    public async Task Bulk_ingest_upserts_by_identifier_and_points_later_references_at_the_stored_resource()
    {
        await Store.TryWriteAsync(w => w.CreateAsync(Prepared(Jane), Ct), Ct);
        var state = new IngestState();
        var sameNhsNumber = Prepared(Jane.Replace("\"jane\"", "\"p-123\"", StringComparison.Ordinal).Replace("Smith", "Smith-Jones", StringComparison.Ordinal));
        var observation = Prepared("""{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"},"subject":{"reference":"Patient/p-123"}}""");

        var patients = await Store.IngestAsync([sameNhsNumber], state, Ct);
        await Store.IngestAsync([observation], state, Ct);

        Assert.Equal((0, 1), (patients.Created, patients.Updated));
        Assert.Null(await Store.ReadAsync(Reader, "Patient", "p-123", Ct));
        Assert.Equal(2, (await Store.ReadAsync(Reader, "Patient", "jane", Ct))!.Version);
        var stored = JsonNode.Parse((await Store.ReadAsync(Reader, "Observation", "o1", Ct))!.Body!)!;
        Assert.Equal("Patient/jane", stored["subject"]!["reference"]!.GetValue<string>());
        Assert.Single((await Store.SearchAsync(Reader, Search("Observation", ("patient", "jane")), Ct)).Value!.Matches);
    }

    [Fact]
    public async Task Pages_stay_stable_while_resources_are_added_and_removed()
    {
        await IngestAsync(Store, new RecordSamples(12), Ct);
        var request = Search("Patient", ("gender", "female")) with { Count = 2 };
        var expected = (await Store.SearchAsync(Reader, request with { Count = 100 }, Ct)).Value!.Matches.Select(m => m.Id).ToList();

        var seen = new List<string>();
        SearchCursor? cursor = null;
        var round = 0;
        do
        {
            var page = (await Store.SearchAsync(Reader, request with { After = cursor }, Ct)).Value!;
            seen.AddRange(page.Matches.Select(m => m.Id));
            cursor = page.Next;
            // Between pages someone adds a woman and deletes one already listed.
            await Store.TryWriteAsync(w => w.CreateAsync(Prepared($$"""{"resourceType":"Patient","id":"new-{{round}}","gender":"female"}"""), Ct), Ct);
            if (round == 1)
                await Store.TryWriteAsync(w => w.DeleteAsync("Patient", seen[0], null, Ct), Ct);
            round++;
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(expected, seen.Where(id => !id.StartsWith("new-", StringComparison.Ordinal)));
    }

    private static SearchRequest Search(string type, params (string Key, string Value)[] parameters)
    {
        var parsed = SearchRequestParser.Parse(type, parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)), strict: true);
        Assert.True(parsed.Succeeded, parsed.Error?.Message);
        return parsed.Value!;
    }
}

public sealed class SqliteRecordStoreTests() : RecordStoreTests(StoreKind.Sqlite);

public sealed class PostgresRecordStoreTests() : RecordStoreTests(StoreKind.Postgres);
