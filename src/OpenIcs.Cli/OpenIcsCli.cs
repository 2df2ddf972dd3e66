using System.CommandLine;

namespace OpenIcs.Cli;

/// <summary>The <c>openics</c> command: its verbs, and how every error becomes one line and an exit code.</summary>
public static class OpenIcsCli
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for a failure while doing the work (a store that cannot be reached, say).</summary>
    public const int Failed = 1;

    /// <summary>Exit code for bad input: an unknown option, a malformed file, a value out of range.</summary>
    public const int BadInput = 2;

    /// <summary>Shown with <c>--verbose</c>: full exception details instead of one line.</summary>
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show full error details (stack traces) when something fails.",
        Recursive = true,
    };

    /// <summary>Parses <paramref name="args"/>, runs the verb and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var root = CreateRootCommand();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            var verb = string.Concat(CommandPath(parsed.CommandResult).Select(name => " " + name));
            var message = parsed.UnmatchedTokens.Count > 0
                ? $"unknown command or option '{parsed.UnmatchedTokens[0]}'."
                : parsed.Errors[0].Message;
            await error.WriteLineAsync($"openics: {message} See 'openics{verb} --help'.");
            return BadInput;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(configuration, ct);
        }
        catch (CliException e)
        {
            await error.WriteLineAsync($"openics: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await error.WriteLineAsync("openics: cancelled.");
            return Failed;
        }
        catch (Exception e) when (!parsed.GetValue(Verbose))
        {
            await error.WriteLineAsync($"openics: {e.Message} (run with --verbose for details)");
            return Failed;
        }
    }

    private static Stack<string> CommandPath(System.CommandLine.Parsing.CommandResult? result)
    {
        var names = new Stack<string>();
        for (; result is { Parent: not null }; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Push(result.Command.Name);
        return names;
    }

    /// <summary>The root command with every verb; one file per verb builds its own <see cref="Command"/>.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("OpenICS: the open platform for London's Integrated Care Systems.");
        root.Options.Add(Verbose);
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(PlacesCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        return root;
    }
}
