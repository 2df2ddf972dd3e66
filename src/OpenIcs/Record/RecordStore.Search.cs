using System.Data.Common;
using Dapper;
using OpenIcs.Governance;
using OpenIcs.Record.Search;

namespace OpenIcs.Record;

/// <summary>One page of search results: the matches, what <c>_include</c>/<c>_revinclude</c> added, the total when
/// known, and where the next page starts.</summary>
public sealed record SearchPage(IReadOnlyList<StoredResource> Matches, IReadOnlyList<StoredResource> Included, long? Total, SearchCursor? Next);

/// <summary>Search: the one query path with the caller's access context, keyset paging, includes.</summary>
public sealed partial class RecordStore
{
    /// <summary>The most resources one page of includes adds.</summary>
    public const int MaxIncluded = 1000;

    /// <summary>Runs <paramref name="request"/> for <paramref name="access"/>.</summary>
    public async Task<Outcome<SearchPage>> SearchAsync(AccessContext access, SearchRequest request, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await SearchAsync(connection, null, access, request, ct);
    }

    /// <summary>Runs a search inside a write transaction (conditional create, update and delete).</summary>
    public async Task<Outcome<SearchPage>> SearchAsync(RecordWriter writer, AccessContext access, SearchRequest request, CancellationToken ct)
    {
        await writer.FlushAsync(ct);
        return await SearchAsync(writer.Connection, writer.Transaction, access, request, ct);
    }

    private async Task<Outcome<SearchPage>> SearchAsync(DbConnection connection, DbTransaction? transaction, AccessContext access,
        SearchRequest request, CancellationToken ct)
    {
        using var activity = RecordTelemetry.Source.StartActivity("record.search");
        activity?.SetTag("fhir.resource_type", request.Type);
        RecordTelemetry.Searches.Add(1, new KeyValuePair<string, object?>("fhir.resource_type", request.Type));
        var query = RecordQuery.Over(access, database.Dialect);
        if (SearchSql.Apply(query, request, time.GetUtcNow()) is { } error)
            return error;

        long? total = null;
        if (request.TotalAccurate || request.Summary == SummaryMode.Count)
        {
            total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT COUNT(*) FROM resource r WHERE {query.Conditions}", query.Parameters, transaction, cancellationToken: ct));
            if (request.Summary == SummaryMode.Count || request.Count == 0)
                return new SearchPage([], [], total, null);
        }

        var sorts = request.Sort.Select(k => (Key: k, Sql: SearchSql.SortExpression(query, k))).ToList();
        var keyset = "";
        if (request.After is { } after)
            keyset = " AND " + Keyset(query, sorts, after);
        var select = string.Concat(sorts.Select((s, i) => $", {s.Sql} AS s{i}"));
        var order = string.Concat(sorts.Select(s => s.Sql + (s.Key.Descending ? " DESC, " : ", "))) + "r.rk";
        var sql = $"SELECT {CurrentColumns}{select} FROM resource r WHERE {query.Conditions}{keyset} ORDER BY {order} LIMIT {query.Add(request.Count + 1)}";

        var matches = new List<StoredResource>();
        var lastSortValues = new List<object>();
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, query.Parameters, transaction, cancellationToken: ct)))
        {
            while (await reader.ReadAsync(ct))
            {
                if (matches.Count == request.Count)
                {
                    matches.Add(null!); // a marker: there is another page
                    break;
                }

                matches.Add(ReadResource(reader));
                lastSortValues.Clear();
                for (var i = 0; i < sorts.Count; i++)
                    lastSortValues.Add(SearchSql.SortValueKind(sorts[i].Key.Parameter) switch
                    {
                        SortValueKind.Whole => Convert.ToInt64(reader.GetValue(7 + i), System.Globalization.CultureInfo.InvariantCulture),
                        SortValueKind.Real => Convert.ToDouble(reader.GetValue(7 + i), System.Globalization.CultureInfo.InvariantCulture),
                        _ => Convert.ToString(reader.GetValue(7 + i), System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    });
            }
        }

        SearchCursor? next = null;
        if (matches.Count > request.Count)
        {
            matches.RemoveAt(matches.Count - 1);
            next = new SearchCursor([.. lastSortValues], matches[^1].Rk);
        }
        else if (request.After is null)
        {
            total ??= matches.Count; // the whole result fits on the first page
        }

        var included = await IncludeAsync(connection, transaction, access, request, matches, ct);
        return new SearchPage(matches, included, total, next);
    }

    private static string Keyset(RecordQuery query, List<(SortKey Key, string Sql)> sorts, SearchCursor after)
    {
        var alternatives = new List<string>();
        var equalSoFar = new List<string>();
        for (var i = 0; i < sorts.Count; i++)
        {
            var value = query.Add(after.SortValues[i]);
            alternatives.Add(string.Join(" AND ", equalSoFar.Append($"{sorts[i].Sql} {(sorts[i].Key.Descending ? "<" : ">")} {value}")));
            equalSoFar.Add($"{sorts[i].Sql} = {value}");
        }

        alternatives.Add(string.Join(" AND ", equalSoFar.Append($"r.rk > {query.Add(after.Rk)}")));
        return "(" + string.Join(" OR ", alternatives.Select(a => $"({a})")) + ")";
    }

    private async Task<List<StoredResource>> IncludeAsync(DbConnection connection, DbTransaction? transaction, AccessContext access,
        SearchRequest request, List<StoredResource> matches, CancellationToken ct)
    {
        var seen = matches.Select(m => m.Rk).ToHashSet();
        var included = new List<StoredResource>();
        var round = matches;
        for (var depth = 0; depth < 3 && round.Count > 0 && included.Count < MaxIncluded; depth++)
        {
            var added = new List<StoredResource>();
            foreach (var include in request.Includes.Where(i => depth == 0 || i.Iterate))
                added.AddRange(await ForwardAsync(connection, transaction, access, include, round, ct));
            foreach (var include in request.RevIncludes.Where(i => depth == 0 || i.Iterate))
                added.AddRange(await ReverseAsync(connection, transaction, access, include, round, ct));
            round = added.Where(a => seen.Add(a.Rk)).Take(MaxIncluded - included.Count).ToList();
            included.AddRange(round);
        }

        return included;
    }

    private async Task<IEnumerable<StoredResource>> ForwardAsync(DbConnection connection, DbTransaction? transaction, AccessContext access,
        IncludeSpec include, IReadOnlyList<StoredResource> sources, CancellationToken ct)
    {
        var from = sources.Where(s => s.Type == include.SourceType).Select(s => s.Rk).ToList();
        if (from.Count == 0)
            return [];
        var query = RecordQuery.Over(access, database.Dialect).Where("r.deleted = 0");
        var filters = query.InList("sr.rk", from);
        if (include.Parameter is not null)
            filters += $" AND {SearchSql.Param(query, include.Parameter, "sr.param", "sr.target_type")}";
        if (include.TargetType is not null)
            filters += $" AND sr.target_type = {query.Add(include.TargetType)}";
        return await QueryResourcesAsync(connection, transaction, $"""
            SELECT {CurrentColumns}
              FROM (SELECT DISTINCT sr.target_type, sr.target_id FROM search_reference sr WHERE {filters}) t
              JOIN resource r ON r.type = t.target_type AND r.id = t.target_id
             WHERE {query.Conditions} ORDER BY r.rk LIMIT {MaxIncluded}
            """, query, ct);
    }

    private async Task<IEnumerable<StoredResource>> ReverseAsync(DbConnection connection, DbTransaction? transaction, AccessContext access,
        IncludeSpec include, IReadOnlyList<StoredResource> targets, CancellationToken ct)
    {
        var results = new List<StoredResource>();
        foreach (var group in targets.GroupBy(t => t.Type))
        {
            if (include.TargetType is not null && include.TargetType != group.Key)
                continue;
            var query = RecordQuery.Over(access, database.Dialect).Where("r.deleted = 0");
            query.Where($"r.type = {query.Add(include.SourceType)}");
            var param = include.Parameter is null ? "" : $" AND {SearchSql.Param(query, include.Parameter, "sr.param", "sr.target_type")}";
            query.Where($"r.rk IN (SELECT sr.rk FROM search_reference sr WHERE sr.target_type = {query.Add(group.Key)}{param} AND {query.InList("sr.target_id", group.Select(t => t.Id))})");
            results.AddRange(await QueryResourcesAsync(connection, transaction,
                $"SELECT {CurrentColumns} FROM resource r WHERE {query.Conditions} ORDER BY r.rk LIMIT {MaxIncluded}", query, ct));
        }

        return results;
    }

    private static async Task<List<StoredResource>> QueryResourcesAsync(DbConnection connection, DbTransaction? transaction, string sql,
        RecordQuery query, CancellationToken ct)
    {
        var results = new List<StoredResource>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, query.Parameters, transaction, cancellationToken: ct));
        while (await reader.ReadAsync(ct))
            results.Add(ReadResource(reader));
        return results;
    }

    // Columns in the order of CurrentColumns.
    internal static StoredResource ReadResource(DbDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
        reader.GetInt64(4), Convert.ToInt32(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture) == 1,
        reader.IsDBNull(6) ? null : reader.GetFieldValue<byte[]>(6));
}
