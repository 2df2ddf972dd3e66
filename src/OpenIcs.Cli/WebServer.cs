using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIcs.Web.Hosting;

namespace OpenIcs.Cli;

/// <summary>Runs the OpenICS web app in this process until Ctrl+C, for <c>serve</c> and <c>demo</c>.</summary>
public static class WebServer
{
    /// <summary>The address the web app listens on unless told otherwise.</summary>
    public const string DefaultUrls = "http://localhost:5080";

    /// <summary>Starts the web app over <paramref name="store"/>, prints where it listens, and waits for shutdown.</summary>
    public static async Task RunAsync(string store, string urls, string? keysFolder, TextWriter output, CancellationToken ct)
    {
        List<string> args = [$"--{OpenIcsWebApp.StoreSetting}={store}", $"--urls={urls}"];
        if (keysFolder is not null)
            args.Add($"--{OpenIcsWebApp.KeysFolderSetting}={keysFolder}");
        await using var app = OpenIcsWebApp.Create([.. args]);
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException e)
        {
            throw new CliException($"cannot listen on {urls}: {e.Message}", OpenIcsCli.Failed);
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
            await output.WriteLineAsync($"OpenICS is running at {address}");
        await output.WriteLineAsync("Press Ctrl+C to stop.");
        await output.FlushAsync(ct);

        try
        {
            await app.WaitForShutdownAsync(ct);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }
}
