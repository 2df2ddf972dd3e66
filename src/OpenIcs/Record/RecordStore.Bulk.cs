using System.Data.Common;
using Dapper;

namespace OpenIcs.Record;

/// <summary>What one bulk batch did.</summary>
/// <param name="Created">New resources.</param>
/// <param name="Updated">Resources that changed and got a new version.</param>
/// <param name="Unchanged">Resources whose content was already stored (re-loads).</param>
/// <param name="Rejected">Resources refused, with the reason.</param>
public sealed record IngestBatchResult(int Created, int Updated, int Unchanged, IReadOnlyList<(PreparedResource Resource, RecordError Error)> Rejected);

/// <summary>What a bulk load remembers between batches: ids it renamed because an incoming resource matched a stored one
/// by identifier, so later references follow (<c>Patient/incoming</c> to <c>Patient/stored</c>).</summary>
public sealed class IngestState
{
    /// <summary>Relative references to rewrite (shared by batches written at the same time).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> Renamed { get; } = new(StringComparer.Ordinal);
}

/// <summary>Bulk ingest: one transaction per batch, upserting by identifier where there is one, else by id; unchanged
/// content makes no new version, so loading the same data twice leaves the store as it was.</summary>
public sealed partial class RecordStore
{
    /// <summary>Writes <paramref name="batch"/> in one transaction (all of it or, on failure, none).</summary>
    public async Task<IngestBatchResult> IngestAsync(IReadOnlyList<PreparedResource> batch, IngestState state, CancellationToken ct)
    {
        using var activity = RecordTelemetry.Source.StartActivity("record.ingest-batch");
        activity?.SetTag("openics.record.batch_size", batch.Count);
        var result = await database.WriteAsync(async (connection, transaction) =>
        {
            var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
            var run = new BulkRun(this, connection, transaction, state, now);
            foreach (var group in batch.GroupBy(r => r.Type))
                await run.WriteTypeAsync(group.Key, group.ToList(), ct);
            await run.FinishAsync(ct);
            return new IngestBatchResult(run.Created, run.Updated, run.Unchanged, run.Rejected);
        }, ct);
        RecordTelemetry.Ingested.Add(result.Created, new KeyValuePair<string, object?>("outcome", "created"));
        RecordTelemetry.Ingested.Add(result.Updated, new KeyValuePair<string, object?>("outcome", "updated"));
        RecordTelemetry.Ingested.Add(result.Unchanged, new KeyValuePair<string, object?>("outcome", "unchanged"));
        RecordTelemetry.Ingested.Add(result.Rejected.Count, new KeyValuePair<string, object?>("outcome", "rejected"));
        return result;
    }

    /// <summary>Brings the query planner's statistics up to date after bulk writes: <paramref name="all"/> for every record
    /// table (at the end of a load), else the resources' types (when a new type starts).</summary>
    public async Task RefreshStatisticsAsync(bool all, CancellationToken ct)
    {
        if (database.Dialect.RefreshStatistics(all ? ["resource", "patient_nhs_number", .. IndexTables] : ["resource (type)"]) is not { } sql)
            return;
        await using var connection = await database.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, commandTimeout: BulkTimeout, cancellationToken: ct));
    }

    // A large batch against a large store may take a while on a busy machine; a bulk load should wait, not fail.
    private const int BulkTimeout = 600;

    private sealed class BulkRun(RecordStore store, DbConnection connection, DbTransaction transaction, IngestState state, DateTimeOffset now)
    {
        private readonly ResourceRows _resources = new();
        private readonly IndexBatch _index = new();
        private readonly HashSet<string> _nhsNumbers = new(StringComparer.Ordinal);

        public int Created { get; private set; }
        public int Updated { get; private set; }
        public int Unchanged { get; private set; }
        public List<(PreparedResource, RecordError)> Rejected { get; } = [];

        private Storage.SqlDialect Dialect => store.Database.Dialect;

        public async Task WriteTypeAsync(string type, List<PreparedResource> resources, CancellationToken ct)
        {
            var byIdentifier = await MatchIdentifiersAsync(type, resources, ct);

            // Where an identifier names a stored resource under another id, the incoming one becomes that resource.
            var targets = new List<(PreparedResource Resource, string Id)>();
            foreach (var resource in resources)
            {
                var id = resource.Id;
                foreach (var token in resource.Index.Tokens)
                {
                    if (token.Param == "identifier" && byIdentifier.TryGetValue((token.System, token.Code), out var stored))
                    {
                        id = stored;
                        break;
                    }
                }

                if (id != resource.Id)
                    state.Renamed[$"{type}/{resource.Id}"] = $"{type}/{id}";
                targets.Add((resource, id));
            }

            // The last of several entries for one resource in a batch wins.
            targets = targets.GroupBy(t => t.Id).Select(g => g.Last()).ToList();
            var existing = (await connection.QueryAsync<ExistingRow>(new CommandDefinition(
                Dialect.ProbeQuery("rk AS Rk, id AS Id, version AS Version, deleted AS Deleted, hash AS Hash", "resource", "type = @Type", "id", "@Ids"),
                Parameters(("Type", type), ("Ids", Dialect.TextList(targets.Select(t => t.Id)))), transaction, BulkTimeout, cancellationToken: ct)))
                .ToDictionary(r => r.Id, StringComparer.Ordinal);

            var fresh = new List<(PreparedResource Resource, string Id)>();
            var changed = new List<(PreparedResource Resource, ExistingRow Row)>();
            foreach (var (resource, id) in targets)
            {
                if (!existing.TryGetValue(id, out var row))
                    fresh.Add((resource, id));
                else if (row.Deleted == 0 && row.Hash == resource.Hash && id == resource.Id)
                    Unchanged++;
                else
                    changed.Add((resource, row));
            }

            var nhsHolders = await NhsHoldersAsync(fresh.Select(f => f.Resource).Concat(changed.Select(c => c.Resource)), ct);
            var keys = fresh.Count == 0 ? [] : await Dialect.AllocateResourceKeysAsync(connection, transaction, fresh.Count, ct);
            for (var i = 0; i < fresh.Count; i++)
            {
                var (resource, id) = fresh[i];
                if (Add(resource, id, keys[i], 1, nhsHolders) is { } stored)
                {
                    _resources.Add(stored.Stored, stored.Prepared.Index.Patient, resource.Hash);
                    Created++;
                }
            }

            foreach (var (resource, row) in changed)
            {
                if (Add(resource, row.Id, row.Rk, (int)row.Version + 1, nhsHolders) is not { } stored)
                    continue;
                await connection.ExecuteAsync(new CommandDefinition(KeepHistory, new { row.Rk, row.Version }, transaction, BulkTimeout, cancellationToken: ct));
                foreach (var table in IndexTables)
                    await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM {table} WHERE rk = @Rk", new { row.Rk }, transaction, BulkTimeout, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(ReplaceResource, new
                {
                    row.Rk, row.Version, NewVersion = stored.Stored.Version, stored.Stored.LastUpdated, Deleted = 0,
                    stored.Prepared.Index.Patient, resource.Hash, stored.Stored.Body,
                }, transaction, BulkTimeout, cancellationToken: ct));
                Updated++;
            }
        }

        public async Task FinishAsync(CancellationToken ct)
        {
            await Dialect.BulkInsertAsync(connection, transaction, _resources, ct);
            foreach (var table in _index.AllTables)
                await Dialect.BulkInsertAsync(connection, transaction, table, ct);
        }

        // Stamps the stored form; re-indexes when the id or a reference changed on the way.
        private (StoredResource Stored, PreparedResource Prepared)? Add(PreparedResource resource, string id, long rk, int version,
            Dictionary<string, long> nhsHolders)
        {
            var renames = state.Renamed.IsEmpty ? null : state.Renamed;
            var body = resource.Stamp(id, version, now, renames);
            var prepared = resource;
            if (id != resource.Id || (renames is not null && resource.LocalReferences().Any(r => renames.ContainsKey($"{r.Type}/{r.Id}"))))
            {
                var again = PreparedResource.From(body, resource.Type, id);
                if (!again.Succeeded)
                {
                    Rejected.Add((resource, again.Error!));
                    return null;
                }

                prepared = again.Value!;
            }

            foreach (var number in prepared.NhsNumbers)
            {
                if ((nhsHolders.TryGetValue(number, out var holder) && holder != rk) || !_nhsNumbers.Add(number))
                {
                    Rejected.Add((resource, RecordError.Duplicate("Another Patient already has this NHS number: a person has one Patient record.")));
                    return null;
                }
            }

            _index.Add(rk, prepared);
            return (new StoredResource(rk, resource.Type, id, version, now.ToUnixTimeMilliseconds(), false, body), prepared);
        }

        private async Task<Dictionary<(string System, string Code), string>> MatchIdentifiersAsync(string type, List<PreparedResource> resources, CancellationToken ct)
        {
            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var resource in resources)
                foreach (var token in resource.Index.Tokens)
                    if (token.Param == "identifier")
                        codes.Add(token.Code);
            if (codes.Count == 0)
                return [];
            // Two probes rather than one join: with statistics that lag a growing table, PostgreSQL has planned the join
            // as a scan of every resource for each identifier (minutes per batch).
            var tokens = (await connection.QueryAsync<(long Rk, string System, string Code)>(new CommandDefinition(
                Dialect.ProbeQuery("rk, system, code", "search_token", "param = 'identifier'", "code", "@Codes"),
                Parameters(("Codes", Dialect.TextList(codes))), transaction, BulkTimeout, cancellationToken: ct))).ToList();
            if (tokens.Count == 0)
                return [];
            var ids = (await connection.QueryAsync<(long Rk, string Id)>(new CommandDefinition(
                Dialect.ProbeQuery("rk, id", "resource", "type = @Type AND deleted = 0", "rk", "@Keys"),
                Parameters(("Type", type), ("Keys", Dialect.IntegerList(tokens.Select(t => t.Rk).Distinct()))), transaction, BulkTimeout,
                cancellationToken: ct))).ToDictionary(r => r.Rk, r => r.Id);
            var found = new Dictionary<(string, string), string>();
            foreach (var (rk, system, code) in tokens)
            {
                if (ids.TryGetValue(rk, out var id))
                    found.TryAdd((system, code), id);
            }

            return found;
        }

        private async Task<Dictionary<string, long>> NhsHoldersAsync(IEnumerable<PreparedResource> resources, CancellationToken ct)
        {
            var numbers = resources.SelectMany(r => r.NhsNumbers).Distinct().ToList();
            if (numbers.Count == 0)
                return [];
            var rows = await connection.QueryAsync<(string Number, long Rk)>(new CommandDefinition(
                $"SELECT nhs_number, rk FROM patient_nhs_number WHERE {Dialect.InList("nhs_number", "@Numbers")}",
                Parameters(("Numbers", Dialect.TextList(numbers))), transaction, BulkTimeout, cancellationToken: ct));
            return rows.ToDictionary(r => r.Number, r => r.Rk, StringComparer.Ordinal);
        }

        private static DynamicParameters Parameters(params (string Name, object Value)[] values)
        {
            var parameters = new DynamicParameters();
            foreach (var (name, value) in values)
                parameters.Add(name, value);
            return parameters;
        }
    }

    private sealed class ExistingRow
    {
        public long Rk { get; init; }
        public string Id { get; init; } = "";
        public long Version { get; init; }
        public long Deleted { get; init; }
        public long Hash { get; init; }
    }
}
