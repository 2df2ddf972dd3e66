using System.Text.Json.Nodes;
using OpenIcs.Record;
using OpenIcs.Storage;
using OpenIcs.Testing;

namespace OpenIcs.Tests.Record;

/// <summary>Helpers shared by the record's store tests.</summary>
internal static class RecordTestData
{
    /// <summary>A resource prepared for the store; fails the test when it does not prepare.</summary>
    public static PreparedResource Prepared(JsonObject resource)
    {
        var outcome = PreparedResource.From(RecordSamples.Bytes(resource));
        Assert.True(outcome.Succeeded, outcome.Error?.Message);
        return outcome.Value!;
    }

    /// <summary>A resource prepared from JSON text.</summary>
    public static PreparedResource Prepared(string json) => Prepared(JsonNode.Parse(json)!.AsObject());

    /// <summary>The stored JSON without meta, to compare with what was sent.</summary>
    public static JsonObject WithoutMeta(byte[] body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        json.Remove("meta");
        return json;
    }

    /// <summary>Loads <paramref name="samples"/> into <paramref name="store"/> through the bulk path, in load order.</summary>
    public static async Task<IngestBatchResult[]> IngestAsync(RecordStore store, RecordSamples samples, CancellationToken ct)
    {
        var state = new IngestState();
        var results = new List<IngestBatchResult>();
        foreach (var type in RecordTypes.InLoadOrder)
        {
            var batch = samples.Of(type).Select(Prepared).ToList();
            if (batch.Count > 0)
                results.Add(await store.IngestAsync(batch, state, ct));
        }

        return [.. results];
    }
}

/// <summary>One store of one kind with a small synthetic record loaded, shared by the read-only tests of a class.</summary>
public abstract class RecordFixture(StoreKind kind) : IAsyncLifetime
{
    private TestStore? _testStore;

    /// <summary>Why the tests cannot run (PostgreSQL not configured), or null.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The data loaded.</summary>
    public RecordSamples Samples { get; } = new(40);

    /// <summary>The store.</summary>
    public RecordStore Store { get; private set; } = null!;

    private Database? _database;

    public async ValueTask InitializeAsync()
    {
        SkipReason = TestStore.SkipReason(kind);
        if (SkipReason is not null)
            return;

        _testStore = await TestStore.CreateAsync(kind);
        _database = await Database.OpenAsync(_testStore.Location, default);
        Store = new RecordStore(_database, TimeProvider.System);
        await RecordTestData.IngestAsync(Store, Samples, default);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
        if (_testStore is not null)
            await _testStore.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteRecordFixture() : RecordFixture(StoreKind.Sqlite);

public sealed class PostgresRecordFixture() : RecordFixture(StoreKind.Postgres);
