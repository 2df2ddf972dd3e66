using System.CommandLine;

namespace OpenIcs.Cli;

/// <summary><c>openics serve</c>: the web app, <c>/api</c>, <c>/fhir</c> and <c>/health</c> over the chosen store.</summary>
public static class ServeCommand
{
    /// <summary>Where to listen, shared with <c>demo</c>.</summary>
    public static readonly Option<string> Urls = new("--urls")
    {
        Description = $"Address(es) to listen on, separated by ';' (default {WebServer.DefaultUrls}).",
        HelpName = "URL",
        DefaultValueFactory = _ => WebServer.DefaultUrls,
    };

    private static readonly Option<string?> KeysFolder = new("--keys")
    {
        Description = "Folder that keeps the web app's data-protection keys, so form tokens survive restarts.",
        HelpName = "DIR",
    };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("serve", "Serve the web app and APIs over a store until Ctrl+C.");
        command.Options.Add(StoreOption.Option);
        command.Options.Add(Urls);
        command.Options.Add(KeysFolder);
        command.SetAction(async (result, ct) =>
        {
            await using (await StoreOption.OpenAsync(result, ct))
            {
                // Opening first reports an unreachable store as one line before the web host starts.
            }

            await WebServer.RunAsync(result.GetValue(StoreOption.Option)!, result.GetValue(Urls)!, result.GetValue(KeysFolder),
                result.InvocationConfiguration.Output, ct);
            return OpenIcsCli.Ok;
        });
        return command;
    }
}
