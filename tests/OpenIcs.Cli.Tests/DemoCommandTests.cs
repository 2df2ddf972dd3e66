using Microsoft.Data.Sqlite;

namespace OpenIcs.Cli.Tests;

public sealed class DemoCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("openics-demo-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Running_the_demo_twice_does_not_duplicate_data()
    {
        var first = await CliRun.RunAsync("demo", "--data", _folder, "--no-serve");
        var counts = await CountRowsAsync();
        var second = await CliRun.RunAsync("demo", "--data", _folder, "--no-serve");

        Assert.Equal(OpenIcsCli.Ok, first.ExitCode);
        Assert.Equal(OpenIcsCli.Ok, second.ExitCode);
        Assert.Contains("London: 5 integrated care systems, 33 boroughs, 4,835 LSOAs, 1,168 GP practices.", second.Output, StringComparison.Ordinal);
        Assert.Equal((33L, 4835L), (counts.Boroughs, counts.Lsoas));
        Assert.Equal(counts, await CountRowsAsync());
    }

    private async Task<(long Boroughs, long Lsoas, long Organisations)> CountRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "openics.db")};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM local_authority), (SELECT COUNT(*) FROM lsoa), (SELECT COUNT(*) FROM organisation)";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        await reader.ReadAsync(TestContext.Current.CancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
