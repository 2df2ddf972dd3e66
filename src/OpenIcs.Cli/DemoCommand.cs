using System.CommandLine;
using System.Globalization;
using OpenIcs.Governance;
using OpenIcs.Places;
using OpenIcs.Record;
using OpenIcs.Record.Bulk;
using OpenIcs.Storage;
using OpenIcs.Synthetic;

namespace OpenIcs.Cli;

/// <summary><c>openics demo</c>: a ready-to-explore OpenICS on this machine: an embedded store with London's places and a
/// small synthetic population in the shared care record, served on localhost. Running it again reuses the same store and
/// population and adds nothing twice.</summary>
public static class DemoCommand
{
    /// <summary>The seed of the demo population, so every machine shows the same residents.</summary>
    public const ulong Seed = 2021;

    private static readonly Option<string> DataFolder = new("--data")
    {
        Description = "Folder for the demo's store, synthetic population and keys (default data/demo).",
        HelpName = "DIR",
        DefaultValueFactory = _ => Path.Combine("data", "demo"),
    };

    private static readonly Option<double> Scale = new("--scale")
    {
        Description = "Size of the synthetic population as a fraction of London (default 0.001, about 9,600 residents); 0 for none.",
        DefaultValueFactory = _ => 0.001,
    };

    private static readonly Option<bool> NoServe = new("--no-serve")
    {
        Description = "Prepare the demo store, then exit without starting the web app.",
    };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("demo", "Create a demo store with London's places and a synthetic population, and serve the web app on localhost.");
        command.Options.Add(DataFolder);
        command.Options.Add(Scale);
        command.Options.Add(ServeCommand.Urls);
        command.Options.Add(NoServe);
        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var folder = Path.GetFullPath(result.GetValue(DataFolder)!);
            var scale = result.GetValue(Scale);
            if (scale < 0 || scale > 0.1)
                throw new CliException($"--scale {scale.ToString(CultureInfo.InvariantCulture)} is outside 0-0.1 (use 'openics generate' and 'openics load' for more).");
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot create the demo folder {folder}: {e.Message}", OpenIcsCli.Failed);
            }

            var store = StoreLocation.Sqlite(Path.Combine(folder, "openics.db"));
            await output.WriteLineAsync($"Demo store: {store}");
            await using (var database = await Database.OpenAsync(store, ct))
            {
                var summary = await PlacesCommand.LoadAsync(database, LondonReferenceData.DefaultFolder, error, ct);
                await output.WriteLineAsync(
                    $"London: {summary.Systems} integrated care systems, {summary.Boroughs} boroughs, {summary.Lsoas:N0} LSOAs, "
                    + $"{summary.ActivePractices:N0} GP practices.");
                if (scale > 0)
                    await PreparePopulationAsync(database, folder, scale, output, error, ct);
            }

            if (result.GetValue(NoServe))
                return OpenIcsCli.Ok;
            await WebServer.RunAsync(store.Text, result.GetValue(ServeCommand.Urls)!, Path.Combine(folder, "keys"), output, ct);
            return OpenIcsCli.Ok;
        });
        return command;
    }

    // Generates the population once per scale, loads it once per store, and lists its voluntary sector in the directory.
    private static async Task PreparePopulationAsync(Database database, string folder, double scale, TextWriter output, TextWriter error,
        CancellationToken ct)
    {
        var places = new PlaceStore(database);
        var boroughs = (await places.ListBoroughsAsync(null, ct)).Select(b => b.Borough).OrderBy(b => b.Code.Value, StringComparer.Ordinal);
        await places.SaveOrganisationsAsync(VoluntarySector.Organisations(boroughs), ct);

        var population = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"synthetic-scale{scale}-seed{Seed}"));
        if (!File.Exists(Path.Combine(population, "manifest.json")))
        {
            if (Directory.Exists(population))
                Directory.Delete(population, recursive: true); // not a finished run: the generator writes the manifest last
            var settings = new GenerationSettings(scale, Seed, GenerationSettings.DefaultFromYear, GenerationSettings.DefaultToYear, population);
            var generated = await GenerateCommand.RunWithProgressAsync(settings, error, ct);
            await output.WriteLineAsync($"Synthetic London: generated {generated.Manifest.Persons:N0} residents in {population}.");
        }

        var marker = Path.Combine(population, ".loaded");
        var store = new RecordStore(database, TimeProvider.System);
        if (File.Exists(marker) && await File.ReadAllTextAsync(marker, ct) == database.Location.Text
            && await store.ReadAsync(AccessContext.System, "Patient", FirstPatientId, ct) is not null)
        {
            await output.WriteLineAsync("Synthetic London: already in the record.");
            return;
        }

        var report = await LoadCommand.RunWithProgressAsync(new NdjsonIngest(store), NdjsonIngest.FromFolder(population), error, ct);
        if (report.Rejected > 0)
            throw new CliException($"the demo population was not loaded: {report.Errors[0]}", OpenIcsCli.Failed);
        await File.WriteAllTextAsync(marker, database.Location.Text, ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Synthetic London: loaded {report.Created + report.Updated + report.Unchanged:N0} resources into the record in {report.Elapsed.TotalSeconds:F0} s."));
    }

    // The generator numbers residents from zero (docs/synthetic-london.md), so the first always exists.
    private const string FirstPatientId = "p-000000000";
}
