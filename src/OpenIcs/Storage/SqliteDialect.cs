using System.Data;
using System.Data.Common;
using System.Text.Json;
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
        // A 64 MB page cache (the default is 2 MB) keeps the search indexes' hot pages in memory during bulk loads.
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -65536;";
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

    /// <inheritdoc />
    public override async Task<long[]> AllocateResourceKeysAsync(DbConnection connection, DbTransaction transaction, int count, CancellationToken ct)
    {
        // SQLite has one writer at a time and BeginWriteAsync holds the write lock, so the next free keys are safe.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(rk), 0) FROM resource";
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        var keys = new long[count];
        for (var i = 0; i < count; i++)
            keys[i] = last + 1 + i;
        return keys;
    }

    /// <inheritdoc />
    public override async Task BulkInsertAsync(DbConnection connection, DbTransaction transaction, BulkRows rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return;
        await using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        var names = rows.Columns.Select(c => c.Name).ToList();
        command.CommandText =
            $"INSERT INTO {rows.Table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i))})";
        var parameters = new SqliteParameter[names.Count];
        for (var i = 0; i < names.Count; i++)
            parameters[i] = command.Parameters.Add("$p" + i, SqliteType.Text);
        command.Prepare();
        var values = new ParameterValues(parameters);
        for (var row = 0; row < rows.Count; row++)
        {
            values.Reset();
            rows.WriteRow(row, values);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <inheritdoc />
    public override string InList(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    /// <inheritdoc />
    public override object TextList(IEnumerable<string> values) => JsonSerializer.Serialize(values);

    /// <inheritdoc />
    public override object IntegerList(IEnumerable<long> values) => JsonSerializer.Serialize(values);

    /// <inheritdoc />
    public override string LockForUpdate => "";

    /// <inheritdoc />
    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    private sealed class ParameterValues(SqliteParameter[] parameters) : IBulkValues
    {
        private int _next;

        public void Reset() => _next = 0;

        public void Add(long value) => Set(value, SqliteType.Integer);

        public void Add(double value) => Set(value, SqliteType.Real);

        public void Add(string? value) => Set(value, SqliteType.Text);

        public void Add(byte[]? value) => Set(value, SqliteType.Blob);

        private void Set(object? value, SqliteType type)
        {
            var parameter = parameters[_next++];
            parameter.SqliteType = type;
            parameter.Value = value ?? DBNull.Value;
        }
    }
}
