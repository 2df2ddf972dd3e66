using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OpenIcs.Storage;

/// <summary>The embedded SQLite store: one file, write-ahead logging, foreign keys on.</summary>
public sealed class SqliteDialect : SqlDialect
{
    private readonly string _connectionString;

    /// <summary>A dialect over the database file at <paramref name="path"/>; its folder is created if missing.</summary>
    public SqliteDialect(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <inheritdoc />
    public override StoreKind Kind => StoreKind.Sqlite;

    /// <inheritdoc />
    public override string MigrationFolder => "Sqlite";

    /// <inheritdoc />
    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        using var pragma = connection.CreateCommand();
        // WAL lets readers run beside the one writer; NORMAL sync is durable at each checkpoint and safe in WAL mode.
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    /// <inheritdoc />
    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        Task.CompletedTask; // BeginWriteAsync already holds SQLite's single write lock.

    /// <inheritdoc />
    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
    {
        // Deferred transactions that read before writing can deadlock on upgrade; IMMEDIATE takes the write lock first.
        var transaction = ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
        return ValueTask.FromResult<DbTransaction>(transaction);
    }
}
