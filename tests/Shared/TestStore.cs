using Microsoft.Data.Sqlite;
using Npgsql;
using OpenIcs.Storage;

namespace OpenIcs.Testing;

/// <summary>A fresh, empty store of one kind, deleted when disposed: a file for SQLite, a database for PostgreSQL.</summary>
/// <remarks>
/// PostgreSQL tests need <c>OPENICS_TEST_POSTGRES</c> (an admin connection string; <c>./test</c> sets it). Without it they
/// are skipped, unless <c>OPENICS_REQUIRE_POSTGRES=1</c>, when they fail: CI must never pass by skipping.
/// </remarks>
public sealed class TestStore : IAsyncDisposable
{
    private readonly string? _sqliteFolder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresDatabase;

    private TestStore(StoreLocation location, string? sqliteFolder, string? postgresAdmin, string? postgresDatabase)
    {
        Location = location;
        _sqliteFolder = sqliteFolder;
        _postgresAdmin = postgresAdmin;
        _postgresDatabase = postgresDatabase;
    }

    /// <summary>Where the store is; pass it to <see cref="Database.OpenAsync"/> or to the web host.</summary>
    public StoreLocation Location { get; }

    /// <summary>Creates an empty store of <paramref name="kind"/>, or skips the test when PostgreSQL is not configured.</summary>
    public static async Task<TestStore> CreateAsync(StoreKind kind, CancellationToken ct = default)
    {
        if (kind == StoreKind.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("openics-test-").FullName;
            return new TestStore(StoreLocation.Sqlite(Path.Combine(folder, "openics.db")), folder, null, null);
        }

        var admin = PostgresAdminConnectionString();
        var name = $"openics_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }

        var target = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestStore(StoreLocation.Postgres(target), null, admin, name);
    }

    /// <summary>Why tests on <paramref name="kind"/> cannot run here (null when they can); throws instead when PostgreSQL is
    /// required but not configured.</summary>
    public static string? SkipReason(StoreKind kind)
    {
        if (kind != StoreKind.Postgres || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OPENICS_TEST_POSTGRES")))
            return null;
        if (Environment.GetEnvironmentVariable("OPENICS_REQUIRE_POSTGRES") == "1")
            throw new InvalidOperationException("OPENICS_REQUIRE_POSTGRES=1 but OPENICS_TEST_POSTGRES is not set.");
        return "PostgreSQL is not configured: set OPENICS_TEST_POSTGRES or run ./test.";
    }

    /// <summary>The admin connection string for the test cluster, or a skip (or failure, when required) without one.</summary>
    public static string PostgresAdminConnectionString()
    {
        if (SkipReason(StoreKind.Postgres) is { } reason)
            Assert.Skip(reason);
        return Environment.GetEnvironmentVariable("OPENICS_TEST_POSTGRES")!;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open elsewhere only leaves a temp folder behind.
            }
        }

        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
