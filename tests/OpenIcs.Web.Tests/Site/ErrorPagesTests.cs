using System.Net;
using System.Text.Json;
using Dapper;
using OpenIcs.Places;
using OpenIcs.Storage;
using OpenIcs.Testing;

namespace OpenIcs.Web.Tests.Site;

/// <summary>What people and programs see when the server fails: a styled page, or a problem document for the API.</summary>
public sealed class ErrorPagesTests : IAsyncLifetime
{
    private TestStore _store = null!;
    private string _keys = null!;
    private OpenIcsWebFactory _factory = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = await TestStore.CreateAsync(StoreKind.Sqlite, Ct);
        _keys = Directory.CreateTempSubdirectory("openics-keys-").FullName;
        _factory = new OpenIcsWebFactory(_store.Location, _keys);
        await using var database = await Database.OpenAsync(_store.Location, Ct);
        await new PlaceStore(database).SaveAsync(WebAppFixture.Reference, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _store.DisposeAsync();
        Directory.Delete(_keys, recursive: true);
    }

    private async Task BreakTheStoreAsync()
    {
        await using var database = Database.Connect(_store.Location);
        await using var connection = await database.OpenConnectionAsync(Ct);
        await connection.ExecuteAsync("DROP TABLE resident_population");
    }

    [Fact]
    public async Task A_failing_page_shows_the_styled_error_page_with_status_500()
    {
        using var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/boroughs/E09000030", Ct)).StatusCode);
        await BreakTheStoreAsync();

        using var response = await client.GetAsync("/boroughs/E09000030", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("<h1>Sorry, there is a problem with the service</h1>", html, StringComparison.Ordinal);
        Assert.Contains("nhsuk-header", html, StringComparison.Ordinal);
        Assert.DoesNotContain("resident_population", html, StringComparison.Ordinal); // no internals leak to the page
    }

    [Fact]
    public async Task A_failing_API_call_is_a_500_problem_document()
    {
        using var client = _factory.CreateClient();
        await BreakTheStoreAsync();

        using var response = await client.GetAsync("/api/places/boroughs/E09000030", Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(500, json.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Pages_send_a_content_security_policy_and_assets_are_cached_by_version()
    {
        using var client = _factory.CreateClient();

        using var page = await client.GetAsync("/", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var cssUrl = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/css/site\\.css\\?v=[0-9a-f]+)\"").Groups[1].Value;
        using var css = await client.GetAsync(cssUrl, Ct);

        Assert.Equal("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single().Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", css.Headers.CacheControl?.ToString());
        Assert.DoesNotContain("assets.nhs.uk", await (await client.GetAsync("/lib/nhsuk/nhsuk-frontend.min.css", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
