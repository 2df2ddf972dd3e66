using System.Data.Common;
using Dapper;
using OpenIcs.Governance;
using OpenIcs.Storage;

namespace OpenIcs.Record;

/// <summary>The shared care record in the store: FHIR resources with their history and search index, on SQLite or
/// PostgreSQL. Every read takes the caller's <see cref="AccessContext"/> and builds its SQL through
/// <see cref="RecordQuery"/>.</summary>
public sealed partial class RecordStore(Database database, TimeProvider time)
{
    /// <summary>The store underneath.</summary>
    public Database Database => database;

    /// <summary>The clock that stamps <c>meta.lastUpdated</c>.</summary>
    public TimeProvider Time => time;

    /// <summary>The current version of <paramref name="type"/>/<paramref name="id"/> (a deletion included, so callers
    /// can answer 410), or null when it never existed or <paramref name="access"/> may not see it.</summary>
    public async Task<StoredResource?> ReadAsync(AccessContext access, string type, string id, CancellationToken ct)
    {
        var query = RecordQuery.Over(access, database.Dialect);
        query.Where($"r.type = {query.Add(type)}").Where($"r.id = {query.Add(id)}");
        await using var connection = await database.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ResourceRow>(new CommandDefinition(
            $"SELECT {CurrentColumns} FROM resource r WHERE {query.Conditions}", query.Parameters, cancellationToken: ct));
        return row?.ToStored();
    }

    /// <summary>Version <paramref name="version"/> of <paramref name="type"/>/<paramref name="id"/>, or null.</summary>
    public async Task<StoredResource?> ReadVersionAsync(AccessContext access, string type, string id, int version, CancellationToken ct)
    {
        var query = RecordQuery.Over(access, database.Dialect);
        query.Where($"r.type = {query.Add(type)}").Where($"r.id = {query.Add(id)}");
        var v = query.Add(version);
        await using var connection = await database.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ResourceRow>(new CommandDefinition($"""
            SELECT {CurrentColumns} FROM resource r WHERE {query.Conditions} AND r.version = {v}
            UNION ALL
            SELECT {HistoryColumns} FROM resource_history h JOIN resource r ON r.rk = h.rk WHERE {query.Conditions} AND h.version = {v}
            """, query.Parameters, cancellationToken: ct));
        return row?.ToStored();
    }

    /// <summary>Versions of one resource (<paramref name="id"/> given), of one type, or of the whole record, newest first.</summary>
    /// <param name="access">Who is reading.</param>
    /// <param name="type">The type, or null for every type.</param>
    /// <param name="id">The id, or null for every resource of the type.</param>
    /// <param name="since">Only versions written at or after this time, if given.</param>
    /// <param name="before">Only versions older than this position (the paging cursor), if given.</param>
    /// <param name="count">At most this many.</param>
    /// <param name="ct">Cancels the read.</param>
    public async Task<IReadOnlyList<StoredResource>> HistoryAsync(AccessContext access, string? type, string? id,
        DateTimeOffset? since, HistoryPosition? before, int count, CancellationToken ct)
    {
        var query = RecordQuery.Over(access, database.Dialect);
        if (type is not null)
            query.Where($"r.type = {query.Add(type)}");
        if (id is not null)
            query.Where($"r.id = {query.Add(id)}");
        var filters = new List<string>();
        if (since is { } s)
            filters.Add($"{{0}}.last_updated >= {query.Add(s.ToUnixTimeMilliseconds())}");
        if (before is { } b)
        {
            var at = query.Add(b.LastUpdated);
            var rk = query.Add(b.Rk);
            var version = query.Add(b.Version);
            filters.Add($"({{0}}.last_updated < {at} OR ({{0}}.last_updated = {at} AND (r.rk < {rk} OR (r.rk = {rk} AND {{0}}.version < {version}))))");
        }

        string Extra(string alias) => string.Concat(filters.Select(f => " AND " + string.Format(System.Globalization.CultureInfo.InvariantCulture, f, alias)));
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ResourceRow>(new CommandDefinition($"""
            SELECT * FROM (
                SELECT {CurrentColumns} FROM resource r WHERE {query.Conditions}{Extra("r")}
                UNION ALL
                SELECT {HistoryColumns} FROM resource_history h JOIN resource r ON r.rk = h.rk WHERE {query.Conditions}{Extra("h")}
            ) versions
            ORDER BY LastUpdated DESC, Rk DESC, Version DESC
            LIMIT {query.Add(count)}
            """, query.Parameters, cancellationToken: ct));
        return rows.Select(r => r.ToStored()).ToList();
    }

    /// <summary>Runs <paramref name="work"/> in one store transaction: every write it makes is kept, or none is.</summary>
    public Task<T> WriteAsync<T>(Func<RecordWriter, Task<T>> work, CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var writer = new RecordWriter(connection, transaction, database.Dialect, time.GetUtcNow());
            var result = await work(writer);
            await writer.FlushAsync(ct);
            return result;
        }, ct);

    /// <summary>Like <see cref="WriteAsync{T}"/> for work that may fail: on an error nothing is committed.</summary>
    public async Task<Outcome<T>> TryWriteAsync<T>(Func<RecordWriter, Task<Outcome<T>>> work, CancellationToken ct)
    {
        try
        {
            return await WriteAsync(async writer =>
            {
                var outcome = await work(writer);
                return outcome.Succeeded ? outcome : throw new RollbackException(outcome.Error!);
            }, ct);
        }
        catch (RollbackException rollback)
        {
            return rollback.Error;
        }
        catch (DbException e) when (database.Dialect.IsUniqueViolation(e))
        {
            return RecordError.Conflict("Another request wrote the same resource or identifier at the same time: retry.");
        }
    }

    private sealed class RollbackException(RecordError error) : Exception(error.Message)
    {
        public RecordError Error { get; } = error;
    }

    internal sealed class ResourceRow
    {
        public long Rk { get; init; }
        public string Type { get; init; } = "";
        public string Id { get; init; } = "";
        public long Version { get; init; }
        public long LastUpdated { get; init; }
        public long Deleted { get; init; }
        public byte[]? Body { get; init; }

        public StoredResource ToStored() => new(Rk, Type, Id, (int)Version, LastUpdated, Deleted == 1, Body);
    }
}

/// <summary>Where a page of history ended: the last version listed, so the next page starts after it.</summary>
public readonly record struct HistoryPosition(long LastUpdated, long Rk, int Version);
