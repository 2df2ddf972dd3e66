namespace OpenIcs.Cli.Tests;

public sealed class PlacesCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("openics-cli-").FullName;

    private string Store => $"sqlite:{Path.Combine(_folder, "openics.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Load_then_list_prints_the_33_boroughs_as_CSV()
    {
        var load = await CliRun.RunAsync("places", "load", "--store", Store);
        var list = await CliRun.RunAsync("places", "list", "--store", Store);

        Assert.Equal(OpenIcsCli.Ok, load.ExitCode);
        Assert.Equal($"Loaded 5 integrated care systems, 33 boroughs, 4,835 LSOAs and 1,168 active GP practices into {Store}.", load.Output.Trim());
        Assert.Equal(OpenIcsCli.Ok, list.ExitCode);
        var lines = list.Output.Trim().Split('\n');
        Assert.Equal("code,name,ics,inner_outer,population_2021,lsoas,most_deprived_fifth_lsoas,active_gp_practices", lines[0]);
        Assert.Equal(34, lines.Length);
        Assert.Contains("E09000030,Tower Hamlets,North East London,inner,310300,144,46,32", lines);
    }

    [Fact]
    public async Task Two_loads_in_one_process_at_once_both_succeed()
    {
        var other = $"sqlite:{Path.Combine(_folder, "other.db")}";

        // SQLite's async calls complete synchronously: Task.Run makes the two loads overlap.
        var runs = await Task.WhenAll(
            Task.Run(() => CliRun.RunAsync("places", "load", "--store", Store)),
            Task.Run(() => CliRun.RunAsync("places", "load", "--store", other)));

        Assert.All(runs, run => Assert.True(run.ExitCode == OpenIcsCli.Ok, run.Error));
    }

    [Fact]
    public async Task List_filters_by_ics_and_rejects_a_malformed_code()
    {
        await CliRun.RunAsync("places", "load", "--store", Store);

        var southEast = await CliRun.RunAsync("places", "list", "--store", Store, "--ics", "E54000030");
        var bad = await CliRun.RunAsync("places", "list", "--store", Store, "--ics", "QKK");

        Assert.Equal(7, southEast.Output.Trim().Split('\n').Length);
        Assert.Equal(OpenIcsCli.BadInput, bad.ExitCode);
        Assert.Equal("openics: --ics: 'QKK' is not an integrated care system code (E54 and six digits, e.g. E54000029).", bad.Error.Trim());
    }

    [Fact]
    public async Task Listing_an_empty_store_says_to_load_first()
    {
        var run = await CliRun.RunAsync("places", "list", "--store", Store);

        Assert.Equal(OpenIcsCli.Failed, run.ExitCode);
        Assert.Equal($"openics: {Store} holds no boroughs: run 'openics places load' first.", run.Error.Trim());
    }

    [Fact]
    public async Task A_malformed_reference_file_is_one_line_naming_file_line_and_column_and_nothing_is_stored()
    {
        var reference = Directory.CreateDirectory(Path.Combine(_folder, "reference")).FullName;
        foreach (var file in Directory.GetFiles(OpenIcs.Places.LondonReferenceData.DefaultFolder, "*.csv"))
            File.Copy(file, Path.Combine(reference, Path.GetFileName(file)));
        var boroughs = Path.Combine(reference, "london_boroughs.csv");
        var lines = File.ReadAllLines(boroughs);
        lines[3] = lines[3].Replace("Outer London", "Middle London", StringComparison.Ordinal);
        File.WriteAllLines(boroughs, lines);

        var run = await CliRun.RunAsync("places", "load", "--store", Store, "--reference", reference);
        var list = await CliRun.RunAsync("places", "list", "--store", Store);

        Assert.Equal(OpenIcsCli.BadInput, run.ExitCode);
        Assert.Equal("openics: london_boroughs.csv line 4, column 'inner_outer_london': 'Middle London' is neither 'Inner London' nor 'Outer London'.", run.Error.Trim());
        Assert.Equal(OpenIcsCli.Failed, list.ExitCode);
    }

    [Fact]
    public async Task Migrate_applies_once_then_reports_up_to_date()
    {
        var first = await CliRun.RunAsync("migrate", "--store", Store);
        var second = await CliRun.RunAsync("migrate", "--store", Store);

        Assert.StartsWith($"{Store}: applied 0001_places", first.Output, StringComparison.Ordinal);
        Assert.Equal($"{Store} is up to date.", second.Output.Trim());
    }

    [Theory]
    [InlineData("serve", "--store", "mysql:x", "openics: --store: 'mysql' is not a store kind: use sqlite:PATH or \"postgres:CONNECTION STRING\".")]
    [InlineData("places", "load", "--store", "openics: Required argument missing for option: '--store'. See 'openics places load --help'.")]
    public async Task Bad_store_options_are_one_line_and_exit_code_2(string verb, string second, string third, string expected)
    {
        var run = await CliRun.RunAsync(verb, second, third);

        Assert.Equal(OpenIcsCli.BadInput, run.ExitCode);
        Assert.Equal(expected, run.Error.Trim());
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_store_is_one_line_and_exit_code_1()
    {
        var run = await CliRun.RunAsync("places", "list", "--store", "postgres:Host=127.0.0.1;Port=1;Username=nobody;Password=secret;Timeout=2");

        Assert.Equal(OpenIcsCli.Failed, run.ExitCode);
        Assert.StartsWith("openics: cannot open the store postgres:Host=127.0.0.1;Port=1;Username=nobody;Password=***;Timeout=2: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }
}
