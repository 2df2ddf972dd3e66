using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace OpenIcs.Synthetic;

/// <summary>How far a run has got.</summary>
/// <param name="Stage">What is happening ("fitting", "generating", "finishing").</param>
/// <param name="ChunksDone">Chunks written so far.</param>
/// <param name="Chunks">Chunks in the run.</param>
/// <param name="Persons">Residents written so far.</param>
public sealed record GenerationProgress(string Stage, int ChunksDone, int Chunks, long Persons);

/// <summary>What a completed run wrote.</summary>
/// <param name="OutputFolder">The full path of the output folder.</param>
/// <param name="Manifest">The manifest written into it.</param>
/// <param name="Report">The calibration report written into it.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
public sealed record GenerationResult(string OutputFolder, GenerationManifest Manifest, CalibrationReport Report, TimeSpan Elapsed);

/// <summary>Synthetic London: writes a calibrated, deterministic population of London residents with eleven years of
/// health and care history as FHIR R4 NDJSON (see docs/synthetic-london.md).</summary>
public static class SyntheticLondon
{
    /// <summary>Version of the generator's model and output contract; changes whenever the same settings would give
    /// different output.</summary>
    public const string GeneratorVersion = "1.0.0";

    /// <summary>The calibration report's JSON file.</summary>
    public const string ReportJson = "calibration.json";

    /// <summary>The calibration report's Markdown file.</summary>
    public const string ReportMarkdown = "calibration.md";

    private static readonly JsonSerializerOptions ReportOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Generates the population described by <paramref name="settings"/>.</summary>
    /// <exception cref="GenerationException">The settings are invalid or the output folder cannot be used.</exception>
    /// <exception cref="Places.ReferenceDataException">A reference file is missing or malformed.</exception>
    public static async Task<GenerationResult> GenerateAsync(GenerationSettings settings, IProgress<GenerationProgress>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problem() is { } problem)
            throw new GenerationException(problem);
        var clock = Stopwatch.StartNew();
        progress?.Report(new GenerationProgress("fitting", 0, 0, 0));
        var model = SyntheticModel.Build(settings);
        if (model.Plan.People > TestNhsNumbers.Capacity)
            throw new GenerationException($"--scale {settings.Scale} needs {model.Plan.People:N0} NHS numbers; the test ranges hold {TestNhsNumbers.Capacity:N0}.");

        using var output = OutputFolder.Create(settings.OutputFolder);
        foreach (var type in ResourceFiles.All)
            output.Append(ResourceFiles.FileName(type, settings.Gzip), []);
        using (var organisations = new ResourceSink(settings.Gzip))
        {
            OrganisationWriter.Write(organisations, model.Statistics, model.Providers);
            var organisationBytes = organisations.Finish();
            foreach (var segment in organisationBytes.Segments())
                output.Append(ResourceFiles.FileName(ResourceType.Organization, settings.Gzip), segment.Span);
            organisationBytes.Release();
            var counts = new long[ResourceFiles.All.Count];
            counts[(int)ResourceType.Organization] = organisations.Count;
            var tally = new CalibrationTally(model.Statistics.Boroughs.Length, settings);
            var persons = await RunChunksAsync(model, output, counts, tally, progress, ct);

            progress?.Report(new GenerationProgress("finishing", model.Plan.Chunks, model.Plan.Chunks, persons));
            var report = CalibrationReportBuilder.Build(model, tally);
            output.Append(ReportJson, JsonSerializer.SerializeToUtf8Bytes(report, ReportOptions));
            output.Append(ReportMarkdown, Encoding.UTF8.GetBytes(report.ToMarkdown()));
            var files = output.Close();
            var manifest = new GenerationManifest("OpenICS Synthetic London", GeneratorVersion, "4.0.1", settings.Seed, settings.Scale,
                Days.Text(settings.FirstDay), Days.Text(settings.EndDay - 1), settings.Gzip ? "gzip" : "none", persons,
                [.. ResourceFiles.All.Select(t =>
                {
                    var name = ResourceFiles.FileName(t, settings.Gzip);
                    return new ManifestResource(t.ToString(), name, counts[(int)t], files[name].Bytes, files[name].Sha256);
                })],
                [.. new[] { ReportJson, ReportMarkdown }.Select(name => new ManifestFile(name, files[name].Bytes, files[name].Sha256))]);
            ct.ThrowIfCancellationRequested();
            output.Complete(manifest.ToJson());
            return new GenerationResult(output.Target, manifest, report, clock.Elapsed);
        }
    }

    private static async Task<long> RunChunksAsync(SyntheticModel model, OutputFolder output, long[] counts, CalibrationTally tally,
        IProgress<GenerationProgress>? progress, CancellationToken ct)
    {
        var settings = model.Settings;
        var chunks = model.Plan.Chunks;
        var threads = Math.Min(settings.Threads ?? Environment.ProcessorCount, Math.Max(1, chunks));
        var results = Enumerable.Range(0, chunks).Select(_ => new TaskCompletionSource<ChunkResult>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var slots = new SemaphoreSlim((2 * threads) + 1);
        var next = -1;
        // Workers get threads of their own, so the ordered writer below never waits for a thread-pool thread.
        var workers = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(() =>
        {
            while (true)
            {
                slots.Wait(stop.Token);
                var chunk = Interlocked.Increment(ref next);
                if (chunk >= chunks)
                    return;
                try
                {
                    using var writer = new ChunkWriter(model);
                    results[chunk].SetResult(writer.Run(chunk));
                }
                catch (Exception e)
                {
                    results[chunk].SetException(e);
                    return;
                }
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        long persons = 0;
        try
        {
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                var result = await results[chunk].Task.WaitAsync(stop.Token);
                foreach (var type in ResourceFiles.All)
                {
                    var member = result.Members[(int)type];
                    foreach (var segment in member.Segments())
                        output.Append(ResourceFiles.FileName(type, settings.Gzip), segment.Span);
                    member.Release();
                    counts[(int)type] += result.Counts[(int)type];
                }

                tally.Add(result.Tally);
                persons += result.People;
                results[chunk] = null!;
                slots.Release();
                progress?.Report(new GenerationProgress("generating", chunk + 1, chunks, persons));
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await Task.WhenAll(workers);
            }
            catch (OperationCanceledException)
            {
                // Workers stop at their next chunk once the run is over or has failed.
            }
        }

        return persons;
    }
}
