using System.CommandLine;
using OpenIcs.Storage;

namespace OpenIcs.Cli;

/// <summary><c>openics demo</c>: a ready-to-explore OpenICS on this machine: an embedded store with London's places, served on
/// localhost. Running it again reuses the same store and adds nothing twice.</summary>
public static class DemoCommand
{
    private static readonly Option<string> DataFolder = new("--data")
    {
        Description = "Folder for the demo's store and keys (default data/demo).",
        HelpName = "DIR",
        DefaultValueFactory = _ => Path.Combine("data", "demo"),
    };

    private static readonly Option<bool> NoServe = new("--no-serve")
    {
        Description = "Prepare the demo store, then exit without starting the web app.",
    };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("demo", "Create a demo store with London's places and serve the web app on localhost.");
        command.Options.Add(DataFolder);
        command.Options.Add(ServeCommand.Urls);
        command.Options.Add(NoServe);
        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var folder = Path.GetFullPath(result.GetValue(DataFolder)!);
            var storeText = $"sqlite:{Path.Combine(folder, "openics.db")}";
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot create the demo folder {folder}: {e.Message}", OpenIcsCli.Failed);
            }

            await output.WriteLineAsync($"Demo store: {storeText}");
            await using (var database = await Database.OpenAsync(StoreLocation.Parse(storeText), ct))
            {
                var summary = await PlacesCommand.LoadAsync(database, Places.LondonReferenceData.DefaultFolder, ct);
                await output.WriteLineAsync(
                    $"London: {summary.Systems} integrated care systems, {summary.Boroughs} boroughs, {summary.Lsoas:N0} LSOAs, "
                    + $"{summary.ActivePractices:N0} GP practices.");
            }

            if (result.GetValue(NoServe))
                return OpenIcsCli.Ok;
            await WebServer.RunAsync(storeText, result.GetValue(ServeCommand.Urls)!, Path.Combine(folder, "keys"), output, ct);
            return OpenIcsCli.Ok;
        });
        return command;
    }
}
