using System.CommandLine;
using System.Globalization;
using OpenIcs.Record;
using OpenIcs.Record.Bulk;
using Spectre.Console;

namespace OpenIcs.Cli;

/// <summary><c>openics load DIR</c>: ingests FHIR NDJSON (the generator's output) into the record, idempotently.</summary>
public static class LoadCommand
{
    private static readonly Argument<DirectoryInfo> Folder = new("DIR")
    {
        Description = "Folder of {ResourceType}.ndjson[.gz] files, e.g. the output of 'openics generate'.",
    };

    private static readonly Option<int> BatchSize = new("--batch-size")
    {
        Description = "Resources per store transaction (default 5000).",
        DefaultValueFactory = _ => 5000,
    };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("load", "Load FHIR NDJSON files into the record; loading the same files again changes nothing.");
        command.Arguments.Add(Folder);
        command.Options.Add(StoreOption.Option);
        command.Options.Add(BatchSize);
        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var folder = result.GetValue(Folder)!;
            var batchSize = result.GetValue(BatchSize);
            if (batchSize is < 1 or > 100_000)
                throw new CliException($"--batch-size {batchSize} is outside 1-100000.");
            IReadOnlyList<IngestSource> sources;
            try
            {
                sources = NdjsonIngest.FromFolder(folder.FullName);
            }
            catch (DirectoryNotFoundException e)
            {
                throw new CliException(e.Message);
            }

            if (sources.Count == 0)
                throw new CliException($"'{folder.FullName}' has no .ndjson or .ndjson.gz files.");
            var unknown = sources.Where(s => s.Type is null).Select(s => s.Name).ToList();
            if (unknown.Count > 0)
                throw new CliException($"{string.Join(", ", unknown)}: not named after a resource type the record stores ({string.Join(", ", RecordTypes.InLoadOrder)}).");

            await using var database = await StoreOption.OpenAsync(result, ct);
            var store = new RecordStore(database, TimeProvider.System);
            var ingest = new NdjsonIngest(store, batchSize);
            var report = await RunWithProgressAsync(ingest, sources, result.InvocationConfiguration.Error, ct);

            foreach (var error in report.Errors)
                await result.InvocationConfiguration.Error.WriteLineAsync($"openics: {error}");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{database.Location}: {report.Created:N0} created, {report.Updated:N0} updated, {report.Unchanged:N0} unchanged, {report.Rejected:N0} rejected in {report.Elapsed.TotalSeconds:F1} s ({report.PerSecond:N0} resources/s)."));
            foreach (var (type, count) in report.ByType.OrderBy(t => RecordTypes.LoadRank(t.Key)))
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {type}: {count:N0}"));
            if (report.Rejected > 0)
                throw new CliException($"{report.Rejected:N0} resources were rejected (first reasons above); the rest were loaded.", OpenIcsCli.BadInput);
            return OpenIcsCli.Ok;
        });
        return command;
    }

    /// <summary>Loads <paramref name="sources"/> with a progress bar on an interactive terminal; elsewhere (a log, a test)
    /// one plain line a second says what is committed.</summary>
    internal static async Task<IngestReport> RunWithProgressAsync(NdjsonIngest ingest, IReadOnlyList<IngestSource> sources, TextWriter stderr,
        CancellationToken ct)
    {
        var totalBytes = Math.Max(1, sources.Sum(s => s.Length));
        if (!Terminal.IsInteractive(stderr))
        {
            var last = System.Diagnostics.Stopwatch.StartNew();
            var quiet = new ImmediateProgress<IngestProgress>(p =>
            {
                if (last.ElapsedMilliseconds < 1000)
                    return;
                last.Restart();
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loaded {p.Resources:N0} resources ({100.0 * p.Bytes / totalBytes:F0}%)"));
            });
            return await ingest.RunAsync(sources, quiet, ct);
        }

        IngestReport report = null!;
        await Terminal.Progress.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Loading {sources.Count} files", maxValue: totalBytes);
                var progress = new ImmediateProgress<IngestProgress>(p =>
                {
                    task.Value = p.Bytes;
                    task.Description = $"Loaded {p.Resources.ToString("N0", CultureInfo.InvariantCulture)} resources";
                });
                report = await ingest.RunAsync(sources, progress, ct);
                task.Value = task.MaxValue;
            });
        return report;
    }
}
