using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace OpenIcs.Places;

/// <summary>The places JSON API under <c>/api/places</c>: systems, boroughs, LSOAs and organisations.</summary>
public static class PlaceEndpoints
{
    /// <summary>The largest page of organisations one request may ask for.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Maps the places API.</summary>
    public static RouteGroupBuilder MapPlaces(this IEndpointRouteBuilder app)
    {
        var places = app.MapGroup("/api/places").WithTags("Places");
        places.MapGet("/", GetSummary).WithSummary("Counts of London's places and organisations.");
        places.MapGet("/systems", ListSystems).WithSummary("London's five integrated care systems.");
        places.MapGet("/systems/{code}", GetSystem).WithSummary("One integrated care system and its boroughs.");
        places.MapGet("/boroughs", ListBoroughs).WithSummary("The 33 London local authorities with deprivation figures.");
        places.MapGet("/boroughs/{code}", GetBorough).WithSummary("One borough: figures, IMD decile distribution, age profile.");
        places.MapGet("/boroughs/{code}/lsoas", ListLsoas).WithSummary("A borough's LSOAs, most deprived first.");
        places.MapGet("/boroughs/{code}/boundaries", GetBoundaries).WithSummary("A borough's LSOA outlines as GeoJSON.");
        places.MapGet("/lsoas/{code}", GetLsoa).WithSummary("One LSOA with its IMD 2019 position.");
        places.MapGet("/organisations", ListOrganisations).WithSummary("Organisations of every sector, filtered and paged.");
        places.MapGet("/organisations/{code}", GetOrganisation).WithSummary("One organisation by ODS or ONS code.");
        return places;
    }

    /// <summary>A system with its boroughs.</summary>
    public sealed record SystemDetail(IntegratedCareSystem System, IReadOnlyList<BoroughSummary> Boroughs);

    /// <summary>A borough with its decile distribution and age profile.</summary>
    public sealed record BoroughDetail(BoroughSummary Summary, IReadOnlyList<DecileCount> ImdDeciles, IReadOnlyList<AgeBandPopulation> AgeProfile);

    private static async Task<Ok<LondonSummary>> GetSummary(PlaceStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.SummaryAsync(ct));

    private static async Task<Ok<IReadOnlyList<IntegratedCareSystem>>> ListSystems(PlaceStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListSystemsAsync(ct));

    private static async Task<Results<Ok<SystemDetail>, ProblemHttpResult>> GetSystem(
        string code, PlaceStore store, CancellationToken ct)
    {
        if (!IcsCode.TryParse(code, out var ics))
            return BadRequest(IcsCode.Rule(code));
        var system = await store.FindSystemAsync(ics, ct);
        return system is null
            ? NotFound($"No integrated care system has code {ics}.")
            : TypedResults.Ok(new SystemDetail(system, await store.ListBoroughsAsync(ics, ct)));
    }

    private static async Task<Results<Ok<IReadOnlyList<BoroughSummary>>, ProblemHttpResult>> ListBoroughs(
        string? ics, PlaceStore store, CancellationToken ct)
    {
        IcsCode? filter = null;
        if (ics is not null)
        {
            if (!IcsCode.TryParse(ics, out var parsed))
                return BadRequest(IcsCode.Rule(ics));
            filter = parsed;
        }

        return TypedResults.Ok(await store.ListBoroughsAsync(filter, ct));
    }

    private static async Task<Results<Ok<BoroughDetail>, ProblemHttpResult>> GetBorough(
        string code, PlaceStore store, CancellationToken ct)
    {
        if (!BoroughCode.TryParse(code, out var borough))
            return BadRequest(BoroughCode.Rule(code));
        var summary = await store.FindBoroughAsync(borough, ct);
        return summary is null
            ? NotFound($"No borough has code {borough}: load the places first.")
            : TypedResults.Ok(new BoroughDetail(summary, await store.ImdDecilesAsync(borough, ct), await store.AgeProfileAsync(borough, ct)));
    }

    private static async Task<Results<Ok<IReadOnlyList<Lsoa>>, ProblemHttpResult>> ListLsoas(
        string code, PlaceStore store, CancellationToken ct)
    {
        if (!BoroughCode.TryParse(code, out var borough))
            return BadRequest(BoroughCode.Rule(code));
        var lsoas = await store.ListLsoasAsync(borough, ct);
        return lsoas.Count == 0 ? NotFound($"No LSOAs are stored for borough {borough}.") : TypedResults.Ok(lsoas);
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> GetBoundaries(string code, LsoaBoundaries boundaries, HttpContext context)
    {
        if (!BoroughCode.TryParse(code, out var borough))
            return BadRequest(BoroughCode.Rule(code));
        var geoJson = boundaries.ForBorough(borough);
        if (geoJson is null)
            return NotFound($"No LSOA boundaries are known for borough {borough}.");
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.File(geoJson, "application/geo+json");
    }

    private static async Task<Results<Ok<Lsoa>, ProblemHttpResult>> GetLsoa(
        string code, PlaceStore store, CancellationToken ct)
    {
        if (!LsoaCode.TryParse(code, out var lsoaCode))
            return BadRequest(LsoaCode.Rule(code));
        var lsoa = await store.FindLsoaAsync(lsoaCode, ct);
        return lsoa is null ? NotFound($"No London LSOA has code {lsoaCode}.") : TypedResults.Ok(lsoa);
    }

    private static async Task<Results<Ok<Page<Organisation>>, ProblemHttpResult>> ListOrganisations(
        string? kind, string? borough, string? ics, bool? active, string? name, int? offset, int? limit,
        PlaceStore store, CancellationToken ct)
    {
        var filter = new OrganisationFilter(Active: active, NameContains: name);
        if (kind is not null)
        {
            if (!Enum.TryParse<OrganisationKind>(kind, ignoreCase: true, out var parsedKind) || !Enum.IsDefined(parsedKind))
                return BadRequest($"'{kind}' is not an organisation kind ({string.Join(", ", Enum.GetNames<OrganisationKind>())}).");
            filter = filter with { Kind = parsedKind };
        }

        if (borough is not null)
        {
            if (!BoroughCode.TryParse(borough, out var parsedBorough))
                return BadRequest(BoroughCode.Rule(borough));
            filter = filter with { Borough = parsedBorough };
        }

        if (ics is not null)
        {
            if (!IcsCode.TryParse(ics, out var parsedIcs))
                return BadRequest(IcsCode.Rule(ics));
            filter = filter with { Ics = parsedIcs };
        }

        if (offset is < 0)
            return BadRequest($"offset {offset} is negative: it counts organisations to skip, from 0.");
        if (limit is < 1 or > MaxPageSize)
            return BadRequest($"limit {limit} is outside 1-{MaxPageSize}.");
        return TypedResults.Ok(await store.ListOrganisationsAsync(filter, offset ?? 0, limit ?? 50, ct));
    }

    private static async Task<Results<Ok<Organisation>, ProblemHttpResult>> GetOrganisation(
        string code, PlaceStore store, CancellationToken ct)
    {
        var organisation = await store.FindOrganisationAsync(code, ct);
        return organisation is null ? NotFound($"No organisation has code '{code}'.") : TypedResults.Ok(organisation);
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request", detail: detail);

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
