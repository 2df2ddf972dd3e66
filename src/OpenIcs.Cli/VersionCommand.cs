using System.CommandLine;
using System.Reflection;

namespace OpenIcs.Cli;

/// <summary><c>openics version</c>: the product version and the runtime it runs on.</summary>
public static class VersionCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("version", "Print the OpenICS version and the .NET runtime.");
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            output.WriteLine($"openics {ProductVersion}");
            output.WriteLine($".NET {Environment.Version}");
            return OpenIcsCli.Ok;
        });
        return command;
    }

    /// <summary>The informational version of this build, without source-control metadata.</summary>
    public static string ProductVersion
    {
        get
        {
            var informational = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational[..plus];
        }
    }
}
