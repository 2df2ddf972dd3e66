using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenIcs.Places;
using OpenIcs.Storage;

namespace OpenIcs.Web.Tests.Browser;

/// <summary>The web app on a real loopback port, for the browser.</summary>
public sealed class ServedWebApp() : WebAppFixture(StoreKind.Sqlite, realPort: true)
{
    /// <summary>The address Kestrel listens on.</summary>
    public string BaseAddress => Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
        .Addresses.First().TrimEnd('/');
}

/// <summary>Browser tests run on their own, after the other collections: sharing two cores with dozens of in-process test
/// servers has held a page's response back for more than 30 seconds.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class BrowserTestsAlone;

[Collection(typeof(BrowserTestsAlone))]
public sealed class PlacesBrowserTests(ServedWebApp app, BrowserFixture browser)
    : IClassFixture<ServedWebApp>, IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private readonly List<string> _browserErrors = [];

    public async ValueTask InitializeAsync()
    {
        if (browser.SkipReason is not null)
            Assert.Skip(browser.SkipReason);
        Assertions.SetDefaultExpectTimeout(30_000);
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _browserErrors.Add(message.Text);
        };
        _page.PageError += (_, error) => _browserErrors.Add(error);
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
            await _context.DisposeAsync();
    }

    // A borough's outline is rarely convex, so find a point that is inside it and on top, then click there as a person would.
    private async Task ClickBoroughOnMapAsync(string code)
    {
        // Let the page settle first: a late font or a scroll still under way would move the map under a measured point.
        await _page.EvaluateAsync("""
            async () => {
              await document.fonts.ready;
              document.getElementById("london-map").scrollIntoView({ block: "center", behavior: "instant" });
              await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
            }
            """);
        var point = await _page.EvaluateAsync<double[]>("""
            code => {
              const path = document.querySelector(`#london-map path[data-area='${code}']`);
              const box = path.getBBox();
              const toScreen = path.getScreenCTM();
              const candidates = [];
              for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) candidates.push([box.x + box.width * i / 20, box.y + box.height * j / 20]);
              const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
              candidates.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
              for (const [x, y] of candidates) {
                if (!path.isPointInFill(new DOMPoint(x, y))) continue;
                const screen = new DOMPoint(x, y).matrixTransform(toScreen);
                if (document.elementFromPoint(screen.x, screen.y) === path) return [screen.x, screen.y];
              }
              return null;
            }
            """, code);
        Assert.NotNull(point);
        await _page.Mouse.ClickAsync((float)point[0], (float)point[1]);
    }

    // Arrival is checked by polling the address, and each drawn part by its own marker: waiting for navigation events has
    // missed a page that had already arrived (its screenshot showed it complete) on a busy CI machine.
    private async Task ExpectAtAsync(string path) =>
        await Assertions.Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(path) + "$"),
            new() { Timeout = 60_000 });

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static Borough Reference(string code) => WebAppFixture.Reference.Boroughs.Single(b => b.Code.Value == code);

    [Fact]
    public async Task Clicking_a_borough_on_the_map_opens_its_page_with_its_figures()
    {
        await _page.GotoAsync(app.BaseAddress + "/");
        await Assertions.Expect(_page.Locator("h1")).ToHaveTextAsync("London's health and care places");
        await Assertions.Expect(_page.Locator("#london-map")).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(_page.Locator("#london-map path[data-area]")).ToHaveCountAsync(33);

        await ClickBoroughOnMapAsync("E09000012");

        await ExpectAtAsync("/boroughs/E09000012");
        var hackney = Reference("E09000012");
        await Assertions.Expect(_page.Locator("h1")).ToHaveTextAsync("Hackney");
        await Assertions.Expect(_page.GetByTestId("population-2021")).ToHaveTextAsync(Count(hackney.Population2021));
        var lsoas = WebAppFixture.Reference.Lsoas.Count(l => l.Borough == hackney.Code);
        await Assertions.Expect(_page.GetByTestId("lsoa-count")).ToHaveTextAsync(Count(lsoas));
        await Assertions.Expect(_page.Locator("table#imd-deciles")).ToHaveAttributeAsync("data-chart-ready", "true");
        await Assertions.Expect(_page.Locator("#borough-map")).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(_page.Locator("#borough-map path[data-area]")).ToHaveCountAsync(lsoas);
        await Assertions.Expect(_page.Locator("figure.app-chart canvas")).ToHaveCountAsync(2);
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "borough-hackney.png"), FullPage = true });
        Assert.Empty(_browserErrors);
    }

    [Fact]
    public async Task Choosing_a_borough_in_the_table_works_without_the_map()
    {
        await _page.GotoAsync(app.BaseAddress + "/");
        await Assertions.Expect(_page.Locator("#boroughs tbody tr")).ToHaveCountAsync(33);
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "london-home.png"), FullPage = true });

        await _page.Locator("#boroughs").GetByRole(AriaRole.Link, new() { Name = "Tower Hamlets", Exact = true }).ClickAsync();

        await ExpectAtAsync("/boroughs/E09000030");
        var towerHamlets = Reference("E09000030");
        await Assertions.Expect(_page.Locator("h1")).ToHaveTextAsync("Tower Hamlets");
        await Assertions.Expect(_page.GetByTestId("population-2021")).ToHaveTextAsync(Count(towerHamlets.Population2021));
        var mostDeprived = WebAppFixture.Reference.Lsoas.Where(l => l.Borough == towerHamlets.Code).ToList();
        await Assertions.Expect(_page.GetByTestId("most-deprived-share")).ToContainTextAsync(Count(mostDeprived.Count(l => l.ImdDecile <= 2)));
        Assert.Empty(_browserErrors);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/boroughs/E09000030")]
    [InlineData("/systems/E54000029")]
    [InlineData("/organisations?kind=GpPractice")]
    [InlineData("/not-a-page")]
    public async Task Pages_have_no_serious_accessibility_violations(string path)
    {
        await _page.GotoAsync(app.BaseAddress + path);

        var results = await _page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes, e.g. {v.Nodes.FirstOrDefault()?.Html})").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }

    [Fact]
    public async Task An_unknown_borough_shows_the_styled_not_found_page_with_status_404()
    {
        var response = await _page.GotoAsync(app.BaseAddress + "/boroughs/E09000099");

        Assert.Equal(404, response?.Status);
        await Assertions.Expect(_page.Locator("h1")).ToHaveTextAsync("Page not found");
        await Assertions.Expect(_page.Locator("header.nhsuk-header")).ToBeVisibleAsync();
    }
}
