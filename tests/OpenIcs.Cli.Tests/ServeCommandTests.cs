using System.Net;
using System.Net.Sockets;

namespace OpenIcs.Cli.Tests;

public sealed class ServeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("openics-serve-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Serve_answers_health_then_stops_on_cancel()
    {
        var port = FreePort();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var serving = OpenIcsCli.RunAsync(["serve", "--store", $"sqlite:{Path.Combine(_folder, "openics.db")}", "--urls", $"http://127.0.0.1:{port}"],
            output, error, stop.Token);

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        HttpResponseMessage? health = null;
        for (var attempt = 0; attempt < 100 && health is null && !serving.IsCompleted; attempt++)
        {
            try
            {
                health = await client.GetAsync("/health", TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        Assert.NotNull(health);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains($"OpenICS is running at http://127.0.0.1:{port}", output.ToString(), StringComparison.Ordinal);
        await stop.CancelAsync();
        await serving;
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_code_1()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var run = await CliRun.RunAsync("serve", "--store", $"sqlite:{Path.Combine(_folder, "openics.db")}", "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(OpenIcsCli.Failed, run.ExitCode);
        Assert.StartsWith($"openics: cannot listen on http://127.0.0.1:{port}: ", run.Error, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
