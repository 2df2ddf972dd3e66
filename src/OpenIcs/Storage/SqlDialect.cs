using System.Data.Common;

namespace OpenIcs.Storage;

/// <summary>What truly differs between SQLite and PostgreSQL: opening connections, migrations, locking, bulk load,
/// key allocation, list parameters, and what each query planner needs to plan bulk lookups well.</summary>
/// <remarks>Everything else (SQL text, mapping, search-index rows) is written once above this seam.</remarks>
public abstract class SqlDialect : IAsyncDisposable
{
    /// <summary>The engine this dialect speaks to.</summary>
    public abstract StoreKind Kind { get; }

    /// <summary>The folder of numbered migration scripts for this engine, under <c>Storage/Migrations</c>.</summary>
    public abstract string MigrationFolder { get; }

    /// <summary>Opens a pooled connection, ready for use.</summary>
    public abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken ct);

    /// <summary>Takes the lock that serialises schema migrations across processes, inside <paramref name="transaction"/>.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct);

    /// <summary>Starts a transaction that will write; on SQLite it takes the write lock at once to avoid upgrade deadlocks.</summary>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    /// <summary>Reserves <paramref name="count"/> new resource keys (<c>rk</c>), unique across every writer.</summary>
    public abstract Task<long[]> AllocateResourceKeysAsync(DbConnection connection, DbTransaction transaction, int count, CancellationToken ct);

    /// <summary>Writes <paramref name="rows"/> inside <paramref name="transaction"/> by the engine's fastest path.</summary>
    public abstract Task BulkInsertAsync(DbConnection connection, DbTransaction transaction, BulkRows rows, CancellationToken ct);

    /// <summary>A condition that <paramref name="column"/> is one of the values of list parameter
    /// <paramref name="parameter"/> (made by <see cref="TextList"/> or <see cref="IntegerList"/>).</summary>
    public abstract string InList(string column, string parameter);

    /// <summary>A list of text values as one parameter for <see cref="InList"/>.</summary>
    public abstract object TextList(IEnumerable<string> values);

    /// <summary>A list of integers as one parameter for <see cref="InList"/>.</summary>
    public abstract object IntegerList(IEnumerable<long> values);

    /// <summary>A SELECT of <paramref name="columns"/> from the rows of <paramref name="table"/> that meet
    /// <paramref name="condition"/> and whose <paramref name="key"/> is one of list parameter <paramref name="list"/>,
    /// for lists of thousands of keys that are best looked up one by one in an index.</summary>
    public virtual string ProbeQuery(string columns, string table, string condition, string key, string list) =>
        $"SELECT {columns} FROM {table} WHERE {condition} AND {InList(key, list)}";

    /// <summary>The statement that brings the planner's statistics for <paramref name="tables"/> (each a table name, with a
    /// column list where only those columns matter) up to date after a bulk load has changed them, or null when the
    /// engine plans well without (SQLite prefers the index that matches more columns whatever its statistics say).</summary>
    public virtual string? RefreshStatistics(IEnumerable<string> tables) => null;

    /// <summary>How many bulk-load transactions may write at once (SQLite has one writer; PostgreSQL has a process per
    /// connection and gains from two or more).</summary>
    public virtual int BulkWriters => 1;

    /// <summary>Appended to a SELECT of one row that the transaction will then change, so concurrent writers queue
    /// (PostgreSQL <c>FOR UPDATE</c>; SQLite already holds its single write lock).</summary>
    public abstract string LockForUpdate { get; }

    /// <summary>True when <paramref name="exception"/> reports a broken unique constraint.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>Releases pooled resources.</summary>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>The dialect for <paramref name="location"/>.</summary>
    public static SqlDialect For(StoreLocation location) => location.Kind switch
    {
        StoreKind.Sqlite => new SqliteDialect(location.Target),
        StoreKind.Postgres => new PostgresDialect(location.Target),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location.Kind, "Unknown store kind."),
    };
}
