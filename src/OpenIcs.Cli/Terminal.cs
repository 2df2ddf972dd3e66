using Spectre.Console;

namespace OpenIcs.Cli;

/// <summary>Where progress goes: standard error, so that standard output stays clean for data (CSV, JSON).</summary>
public static class Terminal
{
    /// <summary>A console on standard error; animations switch off when it is not a terminal.</summary>
    public static IAnsiConsole Progress { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });
}
