using Microsoft.Playwright;

namespace OpenIcs.Web.Tests.Browser;

/// <summary>Debian's Chromium, headless, driven by Playwright; shared by the browser tests.</summary>
/// <remarks>Without <c>OPENICS_CHROMIUM</c> (or a <c>chromium</c> on the PATH) the tests are skipped, unless
/// <c>OPENICS_REQUIRE_BROWSER=1</c> (set by <c>./test</c>), when they fail.</remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>Why the tests cannot run, or null.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The running browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>$OPENICS_TEST_ARTIFACTS/screenshots</c>, or a temp folder.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(
        Environment.GetEnvironmentVariable("OPENICS_TEST_ARTIFACTS") is { Length: > 0 } artifacts ? artifacts : Path.GetTempPath(),
        "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("OPENICS_CHROMIUM") is { Length: > 0 } configured ? configured : OnPath("chromium");
        if (executable is null || !File.Exists(executable))
        {
            var where = executable ?? "chromium on the PATH";
            if (Environment.GetEnvironmentVariable("OPENICS_REQUIRE_BROWSER") == "1")
                throw new InvalidOperationException($"OPENICS_REQUIRE_BROWSER=1 but there is no browser at {where}.");
            SkipReason = $"No Chromium at {where}: install Debian's chromium or run ./test.";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
}
