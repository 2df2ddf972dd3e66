using Dapper;
using OpenIcs.Governance;

namespace OpenIcs.Record;

/// <summary>Reads by resident (the Patient compartment) for <c>$everything</c> and by type for bulk export, through the
/// same access-checked query path as search.</summary>
public sealed partial class RecordStore
{
    /// <summary>The types whose resources <c>$everything</c> adds when a resident's records refer to them.</summary>
    public static readonly IReadOnlyList<string> EverythingReferences = ["Organization", "Practitioner", "PractitionerRole", "Location"];

    /// <summary>One page of a resident's record in storage order: resources whose compartment is
    /// <paramref name="patientId"/> after <paramref name="afterRk"/>, written since <paramref name="since"/> and of
    /// <paramref name="types"/> when given.</summary>
    public async Task<IReadOnlyList<StoredResource>> CompartmentAsync(AccessContext access, string patientId, DateTimeOffset? since,
        IReadOnlyList<string>? types, long afterRk, int count, CancellationToken ct)
    {
        var query = RecordQuery.Over(access, database.Dialect).Where("r.deleted = 0");
        query.Where($"r.patient = {query.Add(patientId)}").Where($"r.rk > {query.Add(afterRk)}");
        if (since is { } s)
            query.Where($"r.last_updated >= {query.Add(s.ToUnixTimeMilliseconds())}");
        if (types is not null)
            query.Where(query.InList("r.type", types));
        return await QueryAsync($"SELECT {CurrentColumns} FROM resource r WHERE {query.Conditions} ORDER BY r.rk LIMIT {query.Add(count)}", query, ct);
    }

    /// <summary>The organisations, practitioners and locations a resident's records refer to.</summary>
    public async Task<IReadOnlyList<StoredResource>> CompartmentReferencesAsync(AccessContext access, string patientId, IReadOnlyList<string> types,
        CancellationToken ct)
    {
        var query = RecordQuery.Over(access, database.Dialect).Where("r.deleted = 0");
        var patient = query.Add(patientId);
        var targetTypes = query.InList("sr.target_type", types);
        // Distinct targets first, then one index lookup each: a row-value IN here makes PostgreSQL scan the table.
        return await QueryAsync($"""
            SELECT {CurrentColumns}
              FROM (SELECT DISTINCT sr.target_type, sr.target_id FROM search_reference sr JOIN resource c ON c.rk = sr.rk
                     WHERE c.patient = {patient} AND {targetTypes}) t
              JOIN resource r ON r.type = t.target_type AND r.id = t.target_id
             WHERE {query.Conditions} ORDER BY r.rk LIMIT {MaxIncluded}
            """, query, ct);
    }

    /// <summary>One chunk of a bulk export of <paramref name="type"/>, in storage order after <paramref name="afterRk"/>:
    /// all of them, or only those in the compartments of <paramref name="patients"/> (any resident's when the list is empty).</summary>
    public async Task<IReadOnlyList<StoredResource>> ExportChunkAsync(AccessContext access, string type, DateTimeOffset? since,
        IReadOnlyCollection<string>? patients, long afterRk, int count, CancellationToken ct)
    {
        var query = RecordQuery.Over(access, database.Dialect).Where("r.deleted = 0");
        query.Where($"r.type = {query.Add(type)}").Where($"r.rk > {query.Add(afterRk)}");
        if (since is { } s)
            query.Where($"r.last_updated >= {query.Add(s.ToUnixTimeMilliseconds())}");
        if (patients is not null)
            query.Where(patients.Count == 0 ? "r.patient IS NOT NULL" : query.InList("r.patient", patients));
        return await QueryAsync($"SELECT {CurrentColumns} FROM resource r WHERE {query.Conditions} ORDER BY r.rk LIMIT {query.Add(count)}", query, ct);
    }

    private async Task<List<StoredResource>> QueryAsync(string sql, RecordQuery query, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ResourceRow>(new CommandDefinition(sql, query.Parameters, cancellationToken: ct));
        return rows.Select(r => r.ToStored()).ToList();
    }
}
