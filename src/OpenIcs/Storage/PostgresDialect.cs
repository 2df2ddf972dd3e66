using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace OpenIcs.Storage;

/// <summary>The PostgreSQL store, through one pooled Npgsql data source.</summary>
public sealed class PostgresDialect : SqlDialect
{
    // An arbitrary constant shared by every OpenICS process, so only one migrates a database at a time.
    private const long MigrationLockKey = 0x0_4F50_454E_4943;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>A dialect over the database reached with <paramref name="connectionString"/>.</summary>
    public PostgresDialect(string connectionString) => _dataSource = NpgsqlDataSource.Create(Settings(connectionString));

    /// <summary>The connection settings OpenICS uses: <paramref name="connectionString"/> with defaults for what it
    /// leaves out (anything it sets itself is kept).</summary>
    /// <exception cref="FormatException">The connection string is malformed.</exception>
    internal static NpgsqlConnectionStringBuilder Settings(string connectionString)
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

        // Reads repeat a few statement shapes thousands of times a second: preparing them saves PostgreSQL parsing and
        // planning each time (a search's plan cost more than running it). Connections carry no session state, so returning
        // one to the pool needs no DISCARD ALL round trip.
        if (!Sets(connectionString, "MaxAutoPrepare", "AutoPrepareMinUsages"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 3;
        }

        builder.NoResetOnClose = true;

        // Each pooled connection is a PostgreSQL backend process. At Npgsql's default of 100, a burst of requests runs
        // that many backends at once, all competing for the same cores: on two cores, searches at 1,000/s had a p99 of
        // 14-25 ms with the 64 backends the burst opened and 6-9 ms with 8 (docs/record.md). Beyond the pool, a request
        // waits for a connection instead (up to the connection string's Timeout, 15 s by default).
        if (!Sets(connectionString, "MaximumPoolSize", "MaxPoolSize"))
            builder.MaxPoolSize = Math.Max(DefaultPoolSize, builder.MinPoolSize);

        // The record's statements are many and small; PostgreSQL's JIT compiler, which starts on a plan's estimated cost,
        // spent longer compiling a bulk load's id lookups than running them (about 20 ms each, 8 s per load).
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
            builder.Options = $"{builder.Options} -c jit=off".Trim();
        return builder;
    }

    /// <summary>The most connections (so PostgreSQL backends) one OpenICS process opens unless its connection string
    /// says otherwise: four per core of this machine, at least eight.</summary>
    internal static int DefaultPoolSize => Math.Max(8, 4 * Environment.ProcessorCount);

    // Whether the connection string sets any of the keywords (Npgsql ignores their case and spaces).
    private static bool Sets(string connectionString, params string[] keywords)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(key => keywords.Contains(key.Replace(" ", "", StringComparison.Ordinal), StringComparer.OrdinalIgnoreCase));
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
    /// <remarks>Writes plan each statement for its own values: a prepared statement's generic plan suits the small lookups
    /// of reads but not the large key lists of bulk writes.</remarks>
    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
    {
        var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SET LOCAL plan_cache_mode = force_custom_plan";
        await command.ExecuteNonQueryAsync(ct);
        return transaction;
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <inheritdoc />
    public override async Task<long[]> AllocateResourceKeysAsync(DbConnection connection, DbTransaction transaction, int count, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT nextval('resource_rk_seq') FROM generate_series(1, $1)",
            (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        var keys = new long[count];
        var i = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            keys[i++] = reader.GetInt64(0);
        return keys;
    }

    /// <inheritdoc />
    public override async Task BulkInsertAsync(DbConnection connection, DbTransaction transaction, BulkRows rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return;
        var columns = string.Join(", ", rows.Columns.Select(c => c.Name));
        await using var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
            $"COPY {rows.Table} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        importer.Timeout = TimeSpan.FromMinutes(10);
        var values = new CopyValues(importer, rows.Columns.Select(c => c.Type).ToArray());
        for (var row = 0; row < rows.Count; row++)
        {
            importer.StartRow();
            values.Reset();
            rows.WriteRow(row, values);
        }

        await importer.CompleteAsync(ct);
    }

    /// <inheritdoc />
    public override string InList(string column, string parameter) => $"{column} = ANY({parameter})";

    /// <inheritdoc />
    public override object TextList(IEnumerable<string> values) => values.ToArray();

    /// <inheritdoc />
    public override object IntegerList(IEnumerable<long> values) => values.ToArray();

    /// <inheritdoc />
    /// <remarks>Written as <c>key = ANY(list)</c>, PostgreSQL weighs thousands of probes against reading every row that meets
    /// the condition, from statistics that a bulk load leaves behind (a type seen at 5,000 rows may hold 500,000 by now),
    /// and reads them all, batch after batch. A lateral subquery behind <c>OFFSET 0</c> (which stops the planner merging
    /// it) plans one lookup for one value, where the matching index wins once the statistics know the type exists
    /// (<see cref="RefreshStatistics"/>).</remarks>
    public override string ProbeQuery(string columns, string table, string condition, string key, string list) => $"""
        SELECT {columns} FROM unnest({list}) AS wanted(value)
        CROSS JOIN LATERAL (SELECT * FROM {table} WHERE {condition} AND {key} = wanted.value OFFSET 0) AS found
        """;

    /// <inheritdoc />
    /// <remarks>Autovacuum analyses a table only after it has changed by a tenth, which a bulk load outruns: PostgreSQL then
    /// plans a load's lookups for a resource type it believes absent by reading every resource of that type, per batch.
    /// ANALYZE reads a fixed sample: about half a second for the types of 2.3 million resources.</remarks>
    public override string? RefreshStatistics(IEnumerable<string> tables) => $"ANALYZE {string.Join(", ", tables)}";

    /// <inheritdoc />
    public override int BulkWriters => Math.Max(2, Environment.ProcessorCount);

    /// <inheritdoc />
    public override string LockForUpdate => " FOR UPDATE";

    /// <inheritdoc />
    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    // Synchronous writes are buffered by Npgsql and flushed in large blocks, which is what makes COPY fast.
    private sealed class CopyValues(NpgsqlBinaryImporter importer, BulkType[] types) : IBulkValues
    {
        private int _next;

        public void Reset() => _next = 0;

        public void Add(long value)
        {
            if (types[_next++] == BulkType.Integer4)
                importer.Write((int)value, NpgsqlDbType.Integer);
            else
                importer.Write(value, NpgsqlDbType.Bigint);
        }

        public void Add(double value)
        {
            _next++;
            importer.Write(value, NpgsqlDbType.Double);
        }

        public void Add(string? value)
        {
            _next++;
            if (value is null)
                importer.WriteNull();
            else
                importer.Write(value, NpgsqlDbType.Text);
        }

        public void Add(byte[]? value)
        {
            _next++;
            if (value is null)
                importer.WriteNull();
            else
                importer.Write(value, NpgsqlDbType.Bytea);
        }
    }
}
