using System.IO.Compression;
using OpenIcs.Synthetic;

namespace OpenIcs.Cli.Tests.Synthetic;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "openics-generate-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_small_run_writes_plain_NDJSON_and_a_manifest_and_prints_the_report()
    {
        var output = Path.Combine(_root, "small");
        var run = await CliRun.RunAsync("generate", "--scale", "0.0005", "--seed", "3", "--out", output, "--no-gzip", "--report", "--threads", "2");

        Assert.Equal(OpenIcsCli.Ok, run.ExitCode);
        Assert.StartsWith("Wrote ", run.Output, StringComparison.Ordinal);
        Assert.Contains("# Synthetic London calibration", run.Output, StringComparison.Ordinal);
        var manifest = GenerationManifest.Read(Path.Combine(output, GenerationManifest.FileName));
        Assert.Equal((3UL, 0.0005, "none"), (manifest.Seed, manifest.Scale, manifest.Compression));
        var patients = await File.ReadAllLinesAsync(Path.Combine(output, "Patient.ndjson"), TestContext.Current.CancellationToken);
        Assert.Equal(manifest.CountOf(ResourceType.Patient), patients.Length);
        Assert.StartsWith("""{"resourceType":"Patient","id":"p-""", patients[0], StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(output), f => f.EndsWith(".gz", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gzip_is_the_default_and_every_file_decompresses_as_one_stream()
    {
        var output = Path.Combine(_root, "gzip");
        var run = await CliRun.RunAsync("generate", "--scale", "0.0003", "--out", output, "--from", "2019", "--to", "2021");

        Assert.Equal(OpenIcsCli.Ok, run.ExitCode);
        var manifest = GenerationManifest.Read(Path.Combine(output, GenerationManifest.FileName));
        Assert.Equal(("2019-01-01", "2021-12-31"), (manifest.PeriodStart, manifest.PeriodEnd));
        foreach (var file in manifest.Resources)
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(output, file.File)), CompressionMode.Decompress));
            long lines = 0;
            while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is not null)
                lines++;
            Assert.Equal(file.Count, lines);
        }
    }

    [Theory]
    [InlineData("0", "openics: --scale must be above 0 (got 0).")]
    [InlineData("-1", "openics: --scale must be above 0 (got -1).")]
    [InlineData("2.5", "openics: --scale must be at most 2 (twice London); got 2.5.")]
    public async Task A_scale_out_of_range_is_one_line_on_stderr_and_exit_code_2(string scale, string message)
    {
        var output = Path.Combine(_root, "refused");
        var run = await CliRun.RunAsync("generate", "--scale", scale, "--out", output);

        Assert.Equal(OpenIcsCli.BadInput, run.ExitCode);
        Assert.Equal(message, run.Error.TrimEnd());
        Assert.Empty(run.Output);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Missing_reference_data_is_one_clear_error()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;
        var run = await CliRun.RunAsync("generate", "--scale", "0.001", "--out", Path.Combine(_root, "out"), "--reference", empty);

        Assert.Equal(OpenIcsCli.BadInput, run.ExitCode);
        Assert.StartsWith("openics: reference data: london_boroughs.csv: the file is missing", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(_root, "out")));
    }

    [Fact]
    public async Task An_unwritable_output_folder_is_one_clear_error()
    {
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "not-a-folder");
        await File.WriteAllTextAsync(file, "", TestContext.Current.CancellationToken);
        var run = await CliRun.RunAsync("generate", "--scale", "0.001", "--out", Path.Combine(file, "out"));

        Assert.Equal(OpenIcsCli.BadInput, run.ExitCode);
        Assert.Contains("cannot be written", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Leaving_out_the_required_options_is_exit_code_2()
    {
        var run = await CliRun.RunAsync("generate", "--scale", "0.01");

        Assert.Equal(OpenIcsCli.BadInput, run.ExitCode);
        Assert.Contains("--out", run.Error, StringComparison.Ordinal);
    }
}
