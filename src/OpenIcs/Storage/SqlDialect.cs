using System.Data.Common;

namespace OpenIcs.Storage;

/// <summary>What truly differs between SQLite and PostgreSQL: opening connections, migrations, locking, bulk load.</summary>
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
