using System.Diagnostics;
using System.Text.Json;
using Dapper;
using OpenIcs.Governance;
using OpenIcs.Record;
using OpenIcs.Record.Search;
using OpenIcs.Storage;
using OpenIcs.Testing;

namespace OpenIcs.Cli.Tests.Record;

/// <summary>Kill -9 during a bulk load: afterwards every batch the loader acknowledged is stored, no batch is half
/// written, every stored resource has exactly its index rows, and loading again completes the record.</summary>
public abstract class LoadDurabilityTests(StoreKind kind) : IAsyncLifetime
{
    private const int BatchSize = 40;
    private readonly string _folder = Directory.CreateTempSubdirectory("openics-kill-").FullName;
    private TestStore? _store;

    public async ValueTask InitializeAsync() => _store = await TestStore.CreateAsync(kind, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
            await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Killing_the_loader_loses_no_acknowledged_batch_and_leaves_no_half_batch()
    {
        var ct = TestContext.Current.CancellationToken;
        var samples = new RecordSamples(1500);
        var data = Path.Combine(_folder, "data");
        samples.WriteNdjson(data, gzip: false);

        var acknowledged = await LoadUntilKilledAsync(data, ct);

        await using (var database = await Database.OpenAsync(_store!.Location, ct))
        {
            var store = new RecordStore(database, TimeProvider.System);
            await using var connection = await database.OpenConnectionAsync(ct);
            var byType = (await connection.QueryAsync<(string Type, long Count)>(new CommandDefinition(
                "SELECT type, COUNT(*) FROM resource GROUP BY type", cancellationToken: ct))).ToDictionary(r => r.Type, r => r.Count);
            Assert.True(byType.Values.Sum() >= acknowledged, $"{acknowledged} acknowledged but {byType.Values.Sum()} stored");
            Assert.True(byType.Values.Sum() < samples.Count, "the loader finished before it was killed; the test proves nothing");
            foreach (var (type, count) in byType)
                Assert.True(count == samples.Of(type).Count || count % BatchSize == 0, $"{type}: {count} stored, not whole batches of {BatchSize}");
            await AssertIndexMatchesBodiesAsync(connection, ct);

            // Loading again completes the record without duplicates.
            var rerun = await CliRun.RunAsync("load", data, "--store", _store.Location.Text, "--batch-size", BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(rerun.ExitCode == OpenIcsCli.Ok, rerun.Error);
            Assert.Equal(samples.Count, await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM resource", cancellationToken: ct)));
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT MAX(version) FROM resource", cancellationToken: ct)));
            Assert.NotNull(await store.ReadAsync(AccessContext.System, "AuditEvent", "audit-1496", ct));
        }
    }

    // Runs the real CLI in its own process with a small batch size, and kills it (SIGKILL) once it has acknowledged
    // a few batches; returns how many resources it had acknowledged.
    private async Task<long> LoadUntilKilledAsync(string data, CancellationToken ct)
    {
        var cli = typeof(OpenIcsCli).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { cli, "load", data, "--store", _store!.Location.Text, "--batch-size", BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var acknowledged = 0L;
        while (await process.StandardError.ReadLineAsync(ct) is { } line)
        {
            // Progress lines ("Loaded 1,234 resources (12%)") count only batches already committed.
            var match = System.Text.RegularExpressions.Regex.Match(line, @"Loaded ([\d,]+) resources");
            if (!match.Success)
                continue;
            acknowledged = long.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            if (acknowledged >= 400)
            {
                process.Kill(entireProcessTree: true);
                break;
            }
        }

        await process.WaitForExitAsync(ct);
        return acknowledged;
    }

    private static async Task AssertIndexMatchesBodiesAsync(System.Data.Common.DbConnection connection, CancellationToken ct)
    {
        var resources = await connection.QueryAsync<(long Rk, string Type, string Id, byte[] Body)>(new CommandDefinition(
            "SELECT rk, type, id, body FROM resource", cancellationToken: ct));
        var tokens = (await connection.QueryAsync<(long Rk, long Count)>(new CommandDefinition(
            "SELECT rk, COUNT(*) FROM search_token GROUP BY rk", cancellationToken: ct))).ToDictionary(r => r.Rk, r => r.Count);
        var references = (await connection.QueryAsync<(long Rk, long Count)>(new CommandDefinition(
            "SELECT rk, COUNT(*) FROM search_reference GROUP BY rk", cancellationToken: ct))).ToDictionary(r => r.Rk, r => r.Count);
        foreach (var (rk, type, id, body) in resources)
        {
            using var json = JsonDocument.Parse(body);
            var index = SearchIndexer.Index(type, id, json.RootElement);
            Assert.Equal(index.Tokens.Count, tokens.GetValueOrDefault(rk));
            Assert.Equal(index.References.Count, references.GetValueOrDefault(rk));
        }
    }
}

public sealed class SqliteLoadDurabilityTests() : LoadDurabilityTests(StoreKind.Sqlite);

public sealed class PostgresLoadDurabilityTests() : LoadDurabilityTests(StoreKind.Postgres);
