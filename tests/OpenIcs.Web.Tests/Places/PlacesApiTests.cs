using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenIcs.Places;

namespace OpenIcs.Web.Tests.Places;

public abstract class PlacesApiTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : WebAppFixture
{
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (app.SkipReason is not null)
            Assert.Skip(app.SkipReason);
        _client = app.Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Borough_detail_returns_the_figures_from_the_reference_data()
    {
        using var response = await _client.GetAsync("/api/places/boroughs/e09000030", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var summary = json.RootElement.GetProperty("summary");
        var expected = WebAppFixture.Reference.Boroughs.Single(b => b.Code.Value == "E09000030");
        Assert.Equal("Tower Hamlets", summary.GetProperty("borough").GetProperty("name").GetString());
        Assert.Equal(expected.Population2021, summary.GetProperty("borough").GetProperty("population2021").GetInt32());
        Assert.Equal("North East London", summary.GetProperty("icsShortName").GetString());
        var deciles = json.RootElement.GetProperty("imdDeciles").EnumerateArray().ToList();
        Assert.Equal(10, deciles.Count);
        Assert.Equal(WebAppFixture.Reference.Lsoas.Count(l => l.Borough == expected.Code),
            deciles.Sum(d => d.GetProperty("lsoas").GetInt32()));
        Assert.Equal(19, json.RootElement.GetProperty("ageProfile").GetArrayLength());
    }

    [Fact]
    public async Task A_malformed_borough_code_is_a_400_problem_naming_the_rule()
    {
        using var response = await _client.GetAsync("/api/places/boroughs/E09000034", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("'E09000034' is not a London borough code (E09000001-E09000033).", json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_things_are_404_problems()
    {
        using var lsoa = await _client.GetAsync("/api/places/lsoas/E01999999", Ct);
        using var organisation = await _client.GetAsync("/api/places/organisations/ZZZ99", Ct);
        using var route = await _client.GetAsync("/api/places/nothing-here", Ct);

        Assert.Equal(HttpStatusCode.NotFound, lsoa.StatusCode);
        Assert.Equal("No London LSOA has code E01999999.", (await lsoa.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, organisation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, route.StatusCode);
        Assert.Equal("application/problem+json", route.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Organisations_filter_and_page_and_reject_bad_filters()
    {
        var expected = WebAppFixture.Reference.Organisations.Count(o => o.Kind == OrganisationKind.NhsTrust && o.Active);

        using var page = await _client.GetAsync("/api/places/organisations?kind=nhstrust&active=true&limit=10&offset=10", Ct);
        using var badKind = await _client.GetAsync("/api/places/organisations?kind=hospital", Ct);
        using var badLimit = await _client.GetAsync("/api/places/organisations?limit=501", Ct);

        using var json = JsonDocument.Parse(await page.Content.ReadAsStringAsync(Ct));
        Assert.Equal(expected, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(10, json.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.StartsWith("'hospital' is not an organisation kind", (await badKind.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    [Fact]
    public async Task Boundaries_are_the_boroughs_LSOAs_as_GeoJSON()
    {
        using var response = await _client.GetAsync("/api/places/boroughs/E09000030/boundaries", Ct);
        using var bad = await _client.GetAsync("/api/places/boroughs/E54000029/boundaries", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var codes = json.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToList();
        var expected = WebAppFixture.Reference.Lsoas.Where(l => l.Borough.Value == "E09000030").Select(l => l.Code.Value)
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, codes);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Systems_list_the_five_London_ICSs_with_their_boroughs()
    {
        var systems = await _client.GetFromJsonAsync<JsonElement>("/api/places/systems", Ct);
        var northEast = await _client.GetFromJsonAsync<JsonElement>("/api/places/systems/E54000029", Ct);

        Assert.Equal(5, systems.GetArrayLength());
        Assert.Equal(8, northEast.GetProperty("boroughs").GetArrayLength());
        Assert.Equal("QMF", northEast.GetProperty("system").GetProperty("odsCode").GetString());
    }

    [Fact]
    public async Task Health_reports_the_store_and_OpenAPI_describes_the_places_API()
    {
        var health = await _client.GetFromJsonAsync<JsonElement>("/health", Ct);
        var openApi = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("store", health.GetProperty("checks")[0].GetProperty("name").GetString());
        Assert.Equal("OpenICS API", openApi.GetProperty("info").GetProperty("title").GetString());
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/places/boroughs/{code}", out _));
    }
}

public sealed class SqlitePlacesApiTests(SqliteWebApp app) : PlacesApiTests<SqliteWebApp>(app);

public sealed class PostgresPlacesApiTests(PostgresWebApp app) : PlacesApiTests<PostgresWebApp>(app);
