using System.Data.Common;
using Dapper;

namespace OpenIcs.Storage;

/// <summary>The OpenICS store: one database (SQLite or PostgreSQL) holding places, the record and everything built on it.</summary>
public sealed class Database : IAsyncDisposable
{
    private Database(StoreLocation location, SqlDialect dialect)
    {
        Location = location;
        Dialect = dialect;
    }

    /// <summary>Where the store is.</summary>
    public StoreLocation Location { get; }

    /// <summary>What differs between the two engines.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>Connects to the store at <paramref name="location"/> without touching its schema.</summary>
    public static Database Connect(StoreLocation location) => new(location, SqlDialect.For(location));

    /// <summary>Connects and brings the schema up to date, as every command that uses the store does at start.</summary>
    public static async Task<Database> OpenAsync(StoreLocation location, CancellationToken ct)
    {
        var database = Connect(location);
        try
        {
            await new Migrator(database).ApplyAsync(ct);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens a pooled connection.</summary>
    public ValueTask<DbConnection> OpenConnectionAsync(CancellationToken ct) => Dialect.OpenConnectionAsync(ct);

    /// <summary>Runs <paramref name="work"/> in one write transaction: all of it is stored, or none.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var transaction = await Dialect.BeginWriteAsync(connection, ct);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>True when the store answers a trivial query; used by <c>/health</c>.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken ct)
    {
        await using var connection = await OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: ct)) == 1;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Dialect.DisposeAsync();
}
