using System.IO.Compression;
using OpenIcs.Testing;

namespace OpenIcs.Cli.Tests.Record;

public sealed class LoadCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("openics-load-").FullName;

    private string Store => $"sqlite:{Path.Combine(_folder, "openics.db")}";

    private string Data => Path.Combine(_folder, "data");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Loading_the_same_folder_twice_creates_then_changes_nothing()
    {
        var samples = new RecordSamples(6);
        samples.WriteNdjson(Data);

        var first = await CliRun.RunAsync("load", Data, "--store", Store);
        var second = await CliRun.RunAsync("load", Data, "--store", Store, "--batch-size", "7");

        Assert.Equal(OpenIcsCli.Ok, first.ExitCode);
        Assert.StartsWith($"{Store}: {samples.Count} created, 0 updated, 0 unchanged, 0 rejected in ", first.Output, StringComparison.Ordinal);
        Assert.Contains($"  Patient: 6{Environment.NewLine}", first.Output, StringComparison.Ordinal);
        Assert.Equal(OpenIcsCli.Ok, second.ExitCode);
        Assert.StartsWith($"{Store}: 0 created, 0 updated, {samples.Count} unchanged, 0 rejected in ", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_lines_are_reported_with_file_and_line_and_the_rest_is_loaded()
    {
        Directory.CreateDirectory(Data);
        await File.WriteAllLinesAsync(Path.Combine(Data, "Patient.ndjson"),
        [
            """{"resourceType":"Patient","id":"a","gender":"female"}""",
            """{"resourceType":"Patient","id":"b","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"1234567890"}]}""",
            "",
            """{"resourceType":"Patient","id":"c",""",
            """{"resourceType":"Observation","id":"d","status":"final","code":{"text":"x"}}""",
        ], TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("load", Data, "--store", Store);

        Assert.Equal(OpenIcsCli.BadInput, run.ExitCode);
        Assert.StartsWith($"{Store}: 1 created, 0 updated, 0 unchanged, 3 rejected", run.Output, StringComparison.Ordinal);
        Assert.Contains("openics: Patient.ndjson:2: '1234567890' is not a valid NHS number", run.Error, StringComparison.Ordinal);
        Assert.Contains("openics: Patient.ndjson:4: The resource is not valid JSON", run.Error, StringComparison.Ordinal);
        Assert.Contains("openics: Patient.ndjson:5: The resource is of type Observation but Patient was expected here.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_or_a_file_of_an_unknown_type_is_bad_input()
    {
        Directory.CreateDirectory(Data);
        await using (var file = File.Create(Path.Combine(Data, "Spaceship.ndjson.gz")))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            gzip.WriteByte((byte)'\n');

        var missing = await CliRun.RunAsync("load", Path.Combine(_folder, "nowhere"), "--store", Store);
        var unknown = await CliRun.RunAsync("load", Data, "--store", Store);

        Assert.Equal(OpenIcsCli.BadInput, missing.ExitCode);
        Assert.Contains("is not a folder", missing.Error, StringComparison.Ordinal);
        Assert.Equal(OpenIcsCli.BadInput, unknown.ExitCode);
        Assert.StartsWith("openics: Spaceship.ndjson.gz: not named after a resource type the record stores", unknown.Error, StringComparison.Ordinal);
    }
}
