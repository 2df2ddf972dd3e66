using System.CommandLine;
using OpenIcs.Storage;

namespace OpenIcs.Cli;

/// <summary><c>--store sqlite:PATH | "postgres:CONNECTION STRING"</c>, shared by every verb that uses the store.</summary>
public static class StoreOption
{
    /// <summary>The environment variable that gives the store when <c>--store</c> is absent.</summary>
    public const string EnvironmentVariable = "OPENICS_STORE";

    /// <summary>The option; its default is <c>$OPENICS_STORE</c> or the embedded SQLite store.</summary>
    public static readonly Option<string> Option = new("--store")
    {
        Description = "Where the record lives: sqlite:PATH (default sqlite:data/openics.db) or \"postgres:CONNECTION STRING\". "
            + $"Defaults to ${EnvironmentVariable} when set.",
        HelpName = "STORE",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : "sqlite:data/openics.db",
    };

    /// <summary>The store the command line names, or a one-line error (exit 2) when it is malformed.</summary>
    public static StoreLocation Read(ParseResult result)
    {
        var text = result.GetValue(Option) ?? "";
        return StoreLocation.TryParse(text, out var location, out var error) ? location : throw new CliException($"--store: {error}");
    }

    /// <summary>Opens the store and applies migrations, reporting connection failures as one line.</summary>
    public static async Task<Database> OpenAsync(ParseResult result, CancellationToken ct)
    {
        var location = Read(result);
        try
        {
            return await Database.OpenAsync(location, ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot open the store {location}: {e.Message}", OpenIcsCli.Failed);
        }
    }
}
