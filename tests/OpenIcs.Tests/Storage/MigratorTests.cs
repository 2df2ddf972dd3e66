using Dapper;
using OpenIcs.Storage;

namespace OpenIcs.Tests.Storage;

public abstract class MigratorTests(StoreKind kind) : StoreTests(kind)
{
    [Fact]
    public async Task Opening_a_new_store_applies_every_known_migration_in_order()
    {
        var migrator = new Migrator(Database);

        var applied = await migrator.AppliedAsync(Ct);

        Assert.NotEmpty(migrator.Known);
        Assert.Equal(migrator.Known.Select(m => m.Id), applied);
        Assert.Equal("0001_places", applied[0]);
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_and_keeps_the_data()
    {
        await using (var connection = await Database.OpenConnectionAsync(Ct))
        {
            await connection.ExecuteAsync(
                "INSERT INTO integrated_care_system (code, ods_code, name, short_name) VALUES ('E54000029', 'QMF', 'NEL ICB', 'NEL')");
        }

        var appliedNow = await new Migrator(Database).ApplyAsync(Ct);

        Assert.Empty(appliedNow);
        await using var check = await Database.OpenConnectionAsync(Ct);
        Assert.Equal(1, await check.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM integrated_care_system"));
    }

    [Fact]
    public async Task A_failed_write_transaction_leaves_nothing_behind()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => Database.WriteAsync<int>(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                "INSERT INTO integrated_care_system (code, ods_code, name, short_name) VALUES ('E54000027', 'QRV', 'NWL ICB', 'NWL')",
                transaction: transaction);
            // The same ODS code again breaks the UNIQUE rule: the whole transaction must roll back.
            return await connection.ExecuteAsync(
                "INSERT INTO integrated_care_system (code, ods_code, name, short_name) VALUES ('E54000028', 'QRV', 'NCL ICB', 'NCL')",
                transaction: transaction);
        }, Ct));

        await using var check = await Database.OpenConnectionAsync(Ct);
        Assert.Equal(0, await check.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM integrated_care_system"));
    }
}

public sealed class SqliteMigratorTests() : MigratorTests(StoreKind.Sqlite);

public sealed class PostgresMigratorTests() : MigratorTests(StoreKind.Postgres);
