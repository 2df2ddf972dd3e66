using System.Data.Common;
using Dapper;
using OpenIcs.Storage;

namespace OpenIcs.Record;

/// <summary>What a write did.</summary>
public enum WriteKind
{
    /// <summary>A new resource (or a new life for a deleted id): 201.</summary>
    Created,

    /// <summary>A new version of an existing resource: 200.</summary>
    Updated,

    /// <summary>The content was the same as the current version: no new version, 200.</summary>
    Unchanged,

    /// <summary>The resource was deleted (a deletion version was written): 204.</summary>
    Deleted,
}

/// <summary>The result of one write: what happened and the version now current.</summary>
public sealed record WriteResult(WriteKind Kind, StoredResource Resource);

/// <summary>Writes resources inside one store transaction: creates, version-aware updates and deletes, keeping history
/// and search-index rows in step. Get one from <see cref="RecordStore.WriteAsync{T}"/>; it is not thread-safe.</summary>
public sealed class RecordWriter
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly SqlDialect _dialect;
    private readonly IndexBatch _pending = new();
    private readonly Dictionary<string, long> _claimedNhsNumbers = new(StringComparer.Ordinal);

    internal RecordWriter(DbConnection connection, DbTransaction transaction, SqlDialect dialect, DateTimeOffset now)
    {
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
        // One transaction writes one instant, as FHIR transactions expect.
        Now = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
    }

    /// <summary>The time every version written in this transaction carries.</summary>
    public DateTimeOffset Now { get; }

    internal DbConnection Connection => _connection;

    internal DbTransaction Transaction => _transaction;

    /// <summary>Creates <paramref name="resource"/>; its id must be new (or belong to a deleted resource).</summary>
    public async Task<Outcome<WriteResult>> CreateAsync(PreparedResource resource, CancellationToken ct)
    {
        var existing = await FindAsync(resource.Type, resource.Id, ct);
        if (existing is { Deleted: 0 })
            return RecordError.Conflict($"{resource.Type}/{resource.Id} already exists: update it with PUT.");
        return await PutAsync(resource, existing, ct);
    }

    /// <summary>Updates <paramref name="resource"/> (or creates it with the id given); with <paramref name="ifMatch"/>,
    /// only when that is the current version.</summary>
    public async Task<Outcome<WriteResult>> UpdateAsync(PreparedResource resource, int? ifMatch, CancellationToken ct)
    {
        var existing = await FindAsync(resource.Type, resource.Id, ct);
        if (ifMatch is { } expected && (existing is null || existing.Version != expected))
            return RecordError.PreconditionFailed(existing is null
                ? $"If-Match asks for version {expected} of {resource.Type}/{resource.Id}, which does not exist."
                : $"If-Match asks for version {expected} of {resource.Type}/{resource.Id} but the current version is {existing.Version}.");
        return await PutAsync(resource, existing, ct);
    }

    /// <summary>Deletes <paramref name="type"/>/<paramref name="id"/>, keeping its history; deleting twice is not an error.</summary>
    public async Task<Outcome<WriteResult?>> DeleteAsync(string type, string id, int? ifMatch, CancellationToken ct)
    {
        var existing = await FindAsync(type, id, ct);
        if (existing is null)
            return ifMatch is null ? new Outcome<WriteResult?>(null, null)
                : RecordError.PreconditionFailed($"If-Match asks for version {ifMatch} of {type}/{id}, which does not exist.");
        if (ifMatch is { } expected && existing.Version != expected)
            return RecordError.PreconditionFailed(
                $"If-Match asks for version {expected} of {type}/{id} but the current version is {existing.Version}.");
        var deleted = new StoredResource(existing.Rk, type, id, (int)existing.Version + 1, Now.ToUnixTimeMilliseconds(), true, null);
        if (existing.Deleted == 1)
            return new WriteResult(WriteKind.Deleted, deleted with { Version = (int)existing.Version });
        if (!await ReplaceAsync(existing, deleted, null, 0, ct))
            return ConcurrentChange(type, id);
        return new WriteResult(WriteKind.Deleted, deleted);
    }

    /// <summary>The relative references among <paramref name="targets"/> that name no current resource.</summary>
    public async Task<IReadOnlyList<(string Type, string Id)>> MissingAsync(IReadOnlyCollection<(string Type, string Id)> targets, CancellationToken ct)
    {
        var missing = new List<(string, string)>();
        foreach (var group in targets.GroupBy(t => t.Type))
        {
            var ids = group.Select(t => t.Id).Distinct().ToList();
            var parameters = new DynamicParameters();
            parameters.Add("Type", group.Key);
            parameters.Add("Ids", _dialect.TextList(ids));
            var found = (await _connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT id FROM resource WHERE type = @Type AND deleted = 0 AND {_dialect.InList("id", "@Ids")}",
                parameters, _transaction, cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
            missing.AddRange(ids.Where(id => !found.Contains(id)).Select(id => (group.Key, id)));
        }

        return missing;
    }

    /// <summary>Writes index rows still buffered; done before any search in the transaction and before commit.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.IsEmpty)
            return;
        foreach (var table in _pending.AllTables)
            await _dialect.BulkInsertAsync(_connection, _transaction, table, ct);
        _pending.Clear();
    }

    private async Task<Outcome<WriteResult>> PutAsync(PreparedResource resource, Existing? existing, CancellationToken ct)
    {
        if (existing is { Deleted: 0 } && existing.Hash == resource.Hash)
        {
            var current = await _connection.QuerySingleAsync<RecordStore.ResourceRow>(new CommandDefinition(
                $"SELECT {RecordStore.CurrentColumns} FROM resource r WHERE r.rk = @Rk", new { existing.Rk }, _transaction,
                cancellationToken: ct));
            return new WriteResult(WriteKind.Unchanged, current.ToStored());
        }

        var rk = existing?.Rk ?? (await _dialect.AllocateResourceKeysAsync(_connection, _transaction, 1, ct))[0];
        if (await CheckNhsNumbersAsync(resource, rk, ct) is { } duplicate)
            return duplicate;
        var version = existing is null ? 1 : (int)existing.Version + 1;
        var body = resource.Stamp(resource.Id, version, Now);
        var stored = new StoredResource(rk, resource.Type, resource.Id, version, Now.ToUnixTimeMilliseconds(), false, body);
        if (existing is null)
        {
            await _connection.ExecuteAsync(new CommandDefinition(RecordStore.InsertResource, new
            {
                Rk = rk, resource.Type, resource.Id, Version = version, stored.LastUpdated, Deleted = 0, resource.Index.Patient,
                resource.Hash, Body = body,
            }, _transaction, cancellationToken: ct));
        }
        else if (!await ReplaceAsync(existing, stored, resource.Index.Patient, resource.Hash, ct))
        {
            return ConcurrentChange(resource.Type, resource.Id);
        }

        _pending.Add(rk, resource);
        return new WriteResult(existing is null || existing.Deleted == 1 ? WriteKind.Created : WriteKind.Updated, stored);
    }

    // Moves the current version to history, writes the next one and drops the old index rows.
    private async Task<bool> ReplaceAsync(Existing existing, StoredResource next, string? patient, long hash, CancellationToken ct)
    {
        await FlushAsync(ct);
        await _connection.ExecuteAsync(new CommandDefinition(RecordStore.KeepHistory, new { existing.Rk, existing.Version },
            _transaction, cancellationToken: ct));
        var changed = await _connection.ExecuteAsync(new CommandDefinition(RecordStore.ReplaceResource, new
        {
            existing.Rk, existing.Version, NewVersion = next.Version, next.LastUpdated, Deleted = next.Deleted ? 1 : 0, Patient = patient,
            Hash = hash, next.Body,
        }, _transaction, cancellationToken: ct));
        if (changed == 0)
            return false;
        foreach (var table in RecordStore.IndexTables)
            await _connection.ExecuteAsync(new CommandDefinition($"DELETE FROM {table} WHERE rk = @Rk", new { existing.Rk },
                _transaction, cancellationToken: ct));
        foreach (var claimed in _claimedNhsNumbers.Where(c => c.Value == existing.Rk).Select(c => c.Key).ToList())
            _claimedNhsNumbers.Remove(claimed);
        return true;
    }

    private async Task<RecordError?> CheckNhsNumbersAsync(PreparedResource resource, long rk, CancellationToken ct)
    {
        if (resource.NhsNumbers.Count == 0)
            return null;
        var parameters = new DynamicParameters();
        parameters.Add("Numbers", _dialect.TextList(resource.NhsNumbers));
        var holders = (await _connection.QueryAsync<(string Number, long Rk)>(new CommandDefinition(
            $"SELECT nhs_number, rk FROM patient_nhs_number WHERE {_dialect.InList("nhs_number", "@Numbers")}",
            parameters, _transaction, cancellationToken: ct))).ToList();
        foreach (var number in resource.NhsNumbers)
        {
            var holder = holders.Where(h => h.Number == number).Select(h => (long?)h.Rk).FirstOrDefault()
                ?? (_claimedNhsNumbers.TryGetValue(number, out var claimed) ? claimed : null);
            if (holder is { } other && other != rk)
            {
                var id = await _connection.ExecuteScalarAsync<string>(new CommandDefinition(
                    "SELECT id FROM resource WHERE rk = @Rk", new { Rk = other }, _transaction, cancellationToken: ct));
                return RecordError.Duplicate($"Patient/{id} already has this NHS number: a person has one Patient record.");
            }
        }

        foreach (var number in resource.NhsNumbers)
            _claimedNhsNumbers[number] = rk;
        return null;
    }

    private async Task<Existing?> FindAsync(string type, string id, CancellationToken ct) =>
        await _connection.QuerySingleOrDefaultAsync<Existing>(new CommandDefinition(RecordStore.FindForWrite + _dialect.LockForUpdate, new { Type = type, Id = id },
            _transaction, cancellationToken: ct));

    private static RecordError ConcurrentChange(string type, string id) =>
        RecordError.Conflict($"{type}/{id} was changed by another request at the same time: read it again and retry.");

    private sealed class Existing
    {
        public long Rk { get; init; }
        public long Version { get; init; }
        public long Deleted { get; init; }
        public long Hash { get; init; }
    }
}
