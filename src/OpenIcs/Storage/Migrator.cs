using System.Data.Common;
using System.Reflection;
using Dapper;

namespace OpenIcs.Storage;

/// <summary>Applies the numbered plain-SQL migrations for the store's engine, each once, in order, each atomically.</summary>
/// <remarks>Scripts are embedded resources named <c>Storage/Migrations/{Sqlite|Postgres}/NNNN_what.sql</c>.</remarks>
public sealed class Migrator(Database database)
{
    private const string ResourcePrefix = "OpenIcs.Storage.Migrations.";

    /// <summary>The migrations this build knows for the store's engine, in the order they apply.</summary>
    public IReadOnlyList<Migration> Known { get; } = LoadMigrations(database.Dialect.MigrationFolder);

    /// <summary>Applies every migration not yet recorded; returns the identifiers of those applied now.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
            cancellationToken: ct));

        var applied = new List<string>();
        foreach (var migration in Known)
        {
            await using var transaction = await database.Dialect.BeginWriteAsync(connection, ct);
            await database.Dialect.LockForMigrationAsync(connection, transaction, ct);
            var done = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COUNT(*) FROM schema_migrations WHERE id = @Id", new { migration.Id }, transaction, cancellationToken: ct));
            if (done > 0)
                continue;

            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (id, applied_at) VALUES (@Id, @At)",
                new { migration.Id, At = DateTimeOffset.UtcNow.ToString("O") }, transaction, cancellationToken: ct));
            await transaction.CommitAsync(ct);
            applied.Add(migration.Id);
        }

        return applied;
    }

    /// <summary>The identifiers of migrations already recorded in the store.</summary>
    public async Task<IReadOnlyList<string>> AppliedAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM schema_migrations ORDER BY id", cancellationToken: ct));
        return ids.AsList();
    }

    private static List<Migration> LoadMigrations(string folder)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = ResourcePrefix + folder + ".";
        // The resource name carries the folder with the build machine's separator; compare with dots.
        static string Dotted(string name) => name.Replace('/', '.').Replace('\\', '.');
        return assembly.GetManifestResourceNames()
            .Where(name => Dotted(name).StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => new Migration(Dotted(name)[prefix.Length..^".sql".Length], ReadResource(assembly, name)))
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Migration resource '{name}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>One schema change: its identifier (the file name, e.g. <c>0001_places</c>) and its SQL.</summary>
public sealed record Migration(string Id, string Sql);
