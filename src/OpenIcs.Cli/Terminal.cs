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

    /// <summary>True when <paramref name="error"/> is this process's standard error and that is an interactive terminal,
    /// so a live progress bar can be drawn; otherwise (a log, a test) commands stay quiet or print plain lines.</summary>
    public static bool IsInteractive(TextWriter error) => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
}

/// <summary>Reports progress at once on the reporting thread, so updates arrive in order (<see cref="Progress{T}"/> would
/// post them to the thread pool).</summary>
public sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
