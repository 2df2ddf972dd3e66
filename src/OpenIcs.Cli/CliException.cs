namespace OpenIcs.Cli;

/// <summary>An expected failure that the CLI reports as one line with its exit code.</summary>
public sealed class CliException(string message, int exitCode = OpenIcsCli.BadInput) : Exception(message)
{
    /// <summary>The process exit code to return.</summary>
    public int ExitCode { get; } = exitCode;
}
