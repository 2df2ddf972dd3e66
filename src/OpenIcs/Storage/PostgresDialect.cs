using System.Data.Common;
using Npgsql;

namespace OpenIcs.Storage;

/// <summary>The PostgreSQL store, through one pooled Npgsql data source.</summary>
public sealed class PostgresDialect : SqlDialect
{
    // An arbitrary constant shared by every OpenICS process, so only one migrates a database at a time.
    private const long MigrationLockKey = 0x0_4F50_454E_4943;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>A dialect over the database reached with <paramref name="connectionString"/>.</summary>
    public PostgresDialect(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"The PostgreSQL connection string is malformed: {e.Message}", e);
        }

        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <inheritdoc />
    public override StoreKind Kind => StoreKind.Postgres;

    /// <inheritdoc />
    public override string MigrationFolder => "Postgres";

    /// <inheritdoc />
    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken ct) =>
        await _dataSource.OpenConnectionAsync(ct);

    /// <inheritdoc />
    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLockKey})";
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <inheritdoc />
    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await connection.BeginTransactionAsync(ct);

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await base.DisposeAsync();
    }
}
