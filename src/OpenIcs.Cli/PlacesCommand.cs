using System.CommandLine;
using OpenIcs.Places;
using Spectre.Console;

namespace OpenIcs.Cli;

/// <summary><c>openics places</c>: load London's places into the store, and list them.</summary>
public static class PlacesCommand
{
    private static readonly Option<string> ReferenceFolder = new("--reference")
    {
        Description = "The folder of reference CSV files (default: the data/reference shipped with OpenICS).",
        HelpName = "DIR",
        DefaultValueFactory = _ => LondonReferenceData.DefaultFolder,
    };

    private static readonly Option<string?> Ics = new("--ics")
    {
        Description = "Only the boroughs of this integrated care system (ONS code, e.g. E54000029).",
        HelpName = "CODE",
    };

    /// <summary>Builds the command and its subcommands.</summary>
    public static Command Create()
    {
        var places = new Command("places", "London's integrated care systems, boroughs, neighbourhoods and organisations.");

        var load = new Command("load", "Load (or refresh) London's places from the reference data; running it again changes nothing.");
        load.Options.Add(StoreOption.Option);
        load.Options.Add(ReferenceFolder);
        load.SetAction(async (result, ct) =>
        {
            await using var database = await StoreOption.OpenAsync(result, ct);
            var summary = await LoadAsync(database, result.GetValue(ReferenceFolder)!, result.InvocationConfiguration.Error, ct);
            await result.InvocationConfiguration.Output.WriteLineAsync(
                $"Loaded {summary.Systems} integrated care systems, {summary.Boroughs} boroughs, {summary.Lsoas:N0} LSOAs "
                + $"and {summary.ActivePractices:N0} active GP practices into {database.Location}.");
            return OpenIcsCli.Ok;
        });

        var list = new Command("list", "List the boroughs (CSV on standard output).");
        list.Options.Add(StoreOption.Option);
        list.Options.Add(Ics);
        list.SetAction(async (result, ct) =>
        {
            IcsCode? ics = null;
            if (result.GetValue(Ics) is { } text)
                ics = IcsCode.TryParse(text, out var code) ? code : throw new CliException($"--ics: {IcsCode.Rule(text)}");
            await using var database = await StoreOption.OpenAsync(result, ct);
            var boroughs = await new PlaceStore(database).ListBoroughsAsync(ics, ct);
            if (boroughs.Count == 0)
                throw new CliException($"{database.Location} holds no boroughs{(ics is null ? "" : $" in {ics}")}: run 'openics places load' first.", OpenIcsCli.Failed);
            var output = result.InvocationConfiguration.Output;
            await output.WriteLineAsync("code,name,ics,inner_outer,population_2021,lsoas,most_deprived_fifth_lsoas,active_gp_practices");
            foreach (var b in boroughs)
            {
                await output.WriteLineAsync(string.Join(',', b.Borough.Code, Quote(b.Borough.Name), Quote(b.IcsShortName),
                    b.Borough.InnerOuter.ToString().ToLowerInvariant(), b.Borough.Population2021, b.Lsoas, b.MostDeprivedFifthLsoas,
                    b.ActivePractices));
            }

            return OpenIcsCli.Ok;
        });

        places.Subcommands.Add(load);
        places.Subcommands.Add(list);
        return places;
    }

    /// <summary>Reads the reference data in <paramref name="folder"/> and saves it; bad files are one-line errors (exit 2).
    /// A spinner shows on an interactive <paramref name="error"/> only: Spectre's live displays are process-wide, so two
    /// loads in one process (tests, or a host) would otherwise collide.</summary>
    public static async Task<LondonSummary> LoadAsync(Storage.Database database, string folder, TextWriter error, CancellationToken ct)
    {
        LondonPlaces london;
        try
        {
            london = LondonReferenceData.Load(folder);
        }
        catch (ReferenceDataException e)
        {
            throw new CliException(e.Message);
        }

        var store = new PlaceStore(database);
        if (Terminal.IsInteractive(error))
            await Terminal.Progress.Status().StartAsync("Loading London's places", _ => store.SaveAsync(london, ct));
        else
            await store.SaveAsync(london, ct);
        return await store.SummaryAsync(ct);
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n") < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
