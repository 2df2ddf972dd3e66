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
        var first = await CliRun.RunAsync("demo", "--data", _folder, "--scale", "0.0002", "--no-serve");
        var counts = await CountRowsAsync();
        var second = await CliRun.RunAsync("demo", "--data", _folder, "--scale", "0.0002", "--no-serve");

        Assert.True(first.ExitCode == OpenIcsCli.Ok, first.Error);
        Assert.True(second.ExitCode == OpenIcsCli.Ok, second.Error);
        Assert.Contains("London: 5 integrated care systems, 33 boroughs, 4,835 LSOAs, 1,168 GP practices.", second.Output, StringComparison.Ordinal);
        Assert.Matches(@"Synthetic London: loaded [\d,]+ resources into the record", first.Output);
        Assert.Contains("Synthetic London: already in the record.", second.Output, StringComparison.Ordinal);
        Assert.Equal((33L, 4835L, 99L), (counts.Boroughs, counts.Lsoas, counts.VoluntarySector));
        Assert.InRange(counts.Patients, 1500, 2500);
        Assert.Equal(counts, await CountRowsAsync());
    }

    [Fact]
    public async Task A_demo_without_a_population_still_serves_London_and_rejects_a_scale_out_of_range()
    {
        var places = await CliRun.RunAsync("demo", "--data", _folder, "--scale", "0", "--no-serve");
        var tooBig = await CliRun.RunAsync("demo", "--data", _folder, "--scale", "0.5", "--no-serve");

        Assert.True(places.ExitCode == OpenIcsCli.Ok, places.Error);
        Assert.DoesNotContain("Synthetic London", places.Output, StringComparison.Ordinal);
        Assert.Equal(0L, (await CountRowsAsync()).Patients);
        Assert.Equal(OpenIcsCli.BadInput, tooBig.ExitCode);
        Assert.StartsWith("openics: --scale 0.5 is outside 0-0.1", tooBig.Error, StringComparison.Ordinal);
    }

    private async Task<(long Boroughs, long Lsoas, long VoluntarySector, long Patients)> CountRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "openics.db")};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM local_authority), (SELECT COUNT(*) FROM lsoa),
                   (SELECT COUNT(*) FROM organisation WHERE kind = 'VoluntarySector'),
                   (SELECT COUNT(*) FROM resource WHERE type = 'Patient')
            """;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        await reader.ReadAsync(TestContext.Current.CancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
