using System.CommandLine;
using System.Globalization;
using OpenIcs.Places;
using OpenIcs.Synthetic;
using Spectre.Console;

namespace OpenIcs.Cli;

/// <summary><c>openics generate</c>: writes a synthetic London population as FHIR R4 NDJSON.</summary>
public static class GenerateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scale = new Option<double>("--scale")
        {
            Description = $"Fraction of London's 8.8 million residents (0 < S <= {GenerationSettings.MaxScale.ToString(CultureInfo.InvariantCulture)}); 1.0 is full scale.",
            Required = true,
        };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random choice; the same seed and scale give identical output.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Folder to create (must not exist or be empty).", Required = true };
        var from = new Option<int>("--from") { Description = "First year of history.", DefaultValueFactory = _ => GenerationSettings.DefaultFromYear };
        var to = new Option<int>("--to") { Description = "Last year of history.", DefaultValueFactory = _ => GenerationSettings.DefaultToYear };
        var noGzip = new Option<bool>("--no-gzip") { Description = "Write plain .ndjson files instead of .ndjson.gz." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all processors); the output does not depend on it." };
        var report = new Option<bool>("--report") { Description = "Print the calibration report (Markdown) on stdout." };
        var reference = new Option<string?>("--reference") { Description = "Reference data folder (default: the copy shipped beside the program)." };

        var command = new Command("generate", "Generate a synthetic London population (FHIR R4 NDJSON, one file per resource type).");
        foreach (var option in new Option[] { scale, seed, output, from, to, noGzip, threads, report, reference })
            command.Options.Add(option);
        command.SetAction(async (result, ct) =>
        {
            var settings = new GenerationSettings(result.GetValue(scale), result.GetValue(seed), result.GetValue(from), result.GetValue(to),
                result.GetValue(output)!)
            {
                Gzip = !result.GetValue(noGzip),
                Threads = result.GetValue(threads),
                ReferenceFolder = result.GetValue(reference) ?? LondonReferenceData.DefaultFolder,
            };
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            GenerationResult generated;
            try
            {
                generated = await RunWithProgressAsync(settings, stderr, ct);
            }
            catch (GenerationException e)
            {
                throw new CliException(e.Message);
            }
            catch (ReferenceDataException e)
            {
                throw new CliException($"reference data: {e.Message}");
            }

            var manifest = generated.Manifest;
            var resources = manifest.Resources.Sum(r => r.Count);
            var seconds = generated.Elapsed.TotalSeconds;
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {manifest.Persons:N0} residents and {resources:N0} resources to {generated.OutputFolder} in {seconds:0.0} s ({manifest.Persons / seconds:N0} residents/s, {resources / seconds:N0} resources/s; CPU {process.TotalProcessorTime.TotalSeconds:0.0} s; peak memory {process.PeakWorkingSet64 / 1048576.0:N0} MiB)."));
            foreach (var file in manifest.Resources)
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {file.File,-28} {file.Count,14:N0}"));
            if (result.GetValue(report))
                await stdout.WriteAsync(generated.Report.ToMarkdown());
            return OpenIcsCli.Ok;
        });
        return command;
    }

    /// <summary>Generates with a live progress bar on an interactive terminal; elsewhere quietly, so that an expected
    /// error is the only line on standard error.</summary>
    internal static async Task<GenerationResult> RunWithProgressAsync(GenerationSettings settings, TextWriter stderr, CancellationToken ct)
    {
        if (!Terminal.IsInteractive(stderr))
            return await SyntheticLondon.GenerateAsync(settings, null, ct);

        GenerationResult? generated = null;
        await Terminal.Progress.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("Fitting models to London's public statistics");
            var progress = new ImmediateProgress<GenerationProgress>(p =>
            {
                if (p.Chunks > 0)
                {
                    task.MaxValue = p.Chunks;
                    task.Value = p.ChunksDone;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Stage}: {p.Persons:N0} residents");
                }
            });
            generated = await SyntheticLondon.GenerateAsync(settings, progress, ct);
            task.Value = task.MaxValue;
        });
        return generated!;
    }
}
