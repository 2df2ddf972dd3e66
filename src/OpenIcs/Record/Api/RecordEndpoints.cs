using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using OpenIcs.Record.Search;

namespace OpenIcs.Record.Api;

/// <summary>The FHIR R4 REST API under <c>/fhir</c>: capabilities, read, vread, create, update, delete, history, search,
/// batch and transaction Bundles, and the operations of the shared care record.</summary>
public static partial class RecordEndpoints
{
    /// <summary>Maps the FHIR API.</summary>
    public static RouteGroupBuilder MapRecord(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir").WithTags("FHIR").ExcludeFromDescription();
        fhir.MapGet("/metadata", (Delegate)Metadata);
        fhir.MapPost("/", BatchOrTransaction);
        fhir.MapGet("/_history", SystemHistory);
        MapOperations(fhir);
        fhir.MapGet("/{type}", Search);
        fhir.MapPost("/{type}/_search", SearchByPost);
        fhir.MapPost("/{type}", Create);
        fhir.MapGet("/{type}/_history", TypeHistory);
        fhir.MapGet("/{type}/{id}", Read);
        fhir.MapPut("/{type}/{id}", Update);
        fhir.MapDelete("/{type}/{id}", Delete);
        fhir.MapGet("/{type}/{id}/_history", InstanceHistory);
        fhir.MapGet("/{type}/{id}/_history/{version}", ReadVersion);
        app.MapFallback("/fhir/{**path}", (Delegate)Unknown);
        return fhir;
    }

    private static Task<FhirResult> Metadata(HttpContext http) =>
        Handle(http, request => System.Threading.Tasks.Task.FromResult(
            new FhirResult(200, FhirWire.Render(CapabilityStatementBuilder.Build(request.BaseUrl), request.Format), request.Format)));

    private static Task<FhirResult> Read(string type, string id, HttpContext http, RecordStore store, CancellationToken ct) =>
        Handle(http, async request =>
        {
            if (CheckType(type) is { } unknown)
                return Fail(request, unknown);
            var resource = await store.ReadAsync(request.Access, type, id, ct);
            if (resource is null)
                return Fail(request, RecordError.NotFound($"{type}/{id} does not exist."));
            if (resource.Deleted)
                return Fail(request, RecordError.Gone($"{type}/{id} was deleted (version {resource.Version}).")).Versioned(resource);
            if (http.Request.Headers.IfNoneMatch.ToString() == resource.ETag)
                return new FhirResult(304, null, request.Format).Versioned(resource);
            var (summary, elements) = Trimming(http);
            return new FhirResult(200, FhirWire.Render(resource.Body!, request.Format, summary, elements), request.Format).Versioned(resource);
        });

    private static Task<FhirResult> ReadVersion(string type, string id, string version, HttpContext http, RecordStore store, CancellationToken ct) =>
        Handle(http, async request =>
        {
            if (CheckType(type) is { } unknown)
                return Fail(request, unknown);
            if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
                return Fail(request, RecordError.NotFound($"'{version}' is not a version of {type}/{id}: versions are 1, 2, 3…"));
            var resource = await store.ReadVersionAsync(request.Access, type, id, number, ct);
            if (resource is null)
                return Fail(request, RecordError.NotFound($"{type}/{id} has no version {number}."));
            if (resource.Deleted)
                return Fail(request, RecordError.Gone($"Version {number} of {type}/{id} records its deletion.")).Versioned(resource);
            return new FhirResult(200, FhirWire.Render(resource.Body!, request.Format), request.Format).Versioned(resource);
        });

    private static Task<FhirResult> Create(string type, HttpContext http, RecordStore store, IOptions<RecordOptions> options, CancellationToken ct) =>
        Handle(http, async request =>
        {
            if (CheckType(type) is { } unknown)
                return Fail(request, unknown);
            var prepared = await ReadResourceAsync(request, options.Value, type, null);
            if (!prepared.Succeeded)
                return Fail(request, prepared.Error!);
            var ifNoneExist = http.Request.Headers["If-None-Exist"].ToString();
            var outcome = await store.TryWriteAsync(async writer =>
            {
                if (ifNoneExist.Length > 0)
                {
                    var existing = await ConditionalMatchAsync(store, writer, request, type, ifNoneExist, "If-None-Exist", ct);
                    if (!existing.Succeeded)
                        return existing.Error!;
                    if (existing.Value is { } found)
                        return new WriteResult(WriteKind.Unchanged, found);
                }

                if (await MissingReferencesAsync(writer, prepared.Value!, ct) is { } missing)
                    return missing;
                return await writer.CreateAsync(prepared.Value!, ct);
            }, ct);
            return outcome.Succeeded ? Written(request, outcome.Value!) : Fail(request, outcome.Error!);
        });

    private static Task<FhirResult> Update(string type, string id, HttpContext http, RecordStore store, IOptions<RecordOptions> options, CancellationToken ct) =>
        Handle(http, async request =>
        {
            if (CheckType(type) is { } unknown)
                return Fail(request, unknown);
            var ifMatch = request.IfMatch();
            if (!ifMatch.Succeeded)
                return Fail(request, ifMatch.Error!);
            var prepared = await ReadResourceAsync(request, options.Value, type, id);
            if (!prepared.Succeeded)
                return Fail(request, prepared.Error!);
            var outcome = await store.TryWriteAsync(async writer =>
                await MissingReferencesAsync(writer, prepared.Value!, ct) is { } missing
                    ? missing
                    : await writer.UpdateAsync(prepared.Value!, ifMatch.Value, ct), ct);
            return outcome.Succeeded ? Written(request, outcome.Value!) : Fail(request, outcome.Error!);
        });

    private static Task<FhirResult> Delete(string type, string id, HttpContext http, RecordStore store, CancellationToken ct) =>
        Handle(http, async request =>
        {
            if (CheckType(type) is { } unknown)
                return Fail(request, unknown);
            var ifMatch = request.IfMatch();
            if (!ifMatch.Succeeded)
                return Fail(request, ifMatch.Error!);
            var outcome = await store.TryWriteAsync(writer => writer.DeleteAsync(type, id, ifMatch.Value, ct), ct);
            if (!outcome.Succeeded)
                return Fail(request, outcome.Error!);
            if (outcome.Value is null)
                return Fail(request, RecordError.NotFound($"{type}/{id} does not exist."));
            return new FhirResult(204, null, request.Format).With("ETag", outcome.Value.Resource.ETag);
        });

    private static Task<FhirResult> InstanceHistory(string type, string id, HttpContext http, RecordStore store, CancellationToken ct) =>
        HistoryAsync(http, store, type, id, ct);

    private static Task<FhirResult> TypeHistory(string type, HttpContext http, RecordStore store, CancellationToken ct) =>
        HistoryAsync(http, store, type, null, ct);

    private static Task<FhirResult> SystemHistory(HttpContext http, RecordStore store, CancellationToken ct) =>
        HistoryAsync(http, store, null, null, ct);

    private static Task<FhirResult> HistoryAsync(HttpContext http, RecordStore store, string? type, string? id, CancellationToken ct) =>
        Handle(http, async request =>
        {
            if (type is not null && CheckType(type) is { } unknown)
                return Fail(request, unknown);
            var query = http.Request.Query;
            if (ReadPaging(query, SearchRequest.DefaultCount, out var count, out var since) is { } invalid)
                return Fail(request, invalid);

            HistoryPosition? before = null;
            if (query.TryGetValue("_before-version", out var position))
            {
                var parts = position.ToString().Split('.');
                if (parts.Length != 3 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var at)
                    || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var rk) || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var v))
                    return Fail(request, RecordError.Invalid("_before-version is not a position this server made: follow its links."));
                before = new HistoryPosition(at, rk, v);
            }

            if (id is not null && await store.ReadAsync(request.Access, type!, id, ct) is null)
                return Fail(request, RecordError.NotFound($"{type}/{id} does not exist."));
            var versions = await store.HistoryAsync(request.Access, type, id, since, before, count + 1, ct);
            var links = new List<(string, string)> { ("self", request.Absolute(http.Request.Path.Value!["/fhir/".Length..] + http.Request.QueryString)) };
            if (versions.Count > count)
            {
                var last = versions[count - 1];
                var nextQuery = QueryWithout(http, "_before-version") + $"&_before-version={last.LastUpdated}.{last.Rk}.{last.Version}";
                links.Add(("next", request.Absolute(http.Request.Path.Value!["/fhir/".Length..] + "?" + nextQuery.TrimStart('&'))));
            }

            var entries = versions.Take(count).Select(v => new BundleEntry(
                request.Absolute($"{v.Type}/{v.Id}"), v.Deleted ? null : v,
                Request: (v.Deleted ? "DELETE" : v.Version == 1 ? "POST" : "PUT", v.Version == 1 && !v.Deleted ? v.Type : $"{v.Type}/{v.Id}"),
                Response: (v.Deleted ? "204" : v.Version == 1 ? "201" : "200", null, v.ETag, v.LastUpdatedAt))).ToList();
            return new FhirResult(200, BundleWriter.Write("history", null, links, entries, request.Format, store.Time.GetUtcNow()), request.Format);
        });

    private static Task<FhirResult> Unknown(HttpContext http) =>
        Handle(http, request => System.Threading.Tasks.Task.FromResult(Fail(request, RecordError.NotFound(
            $"{http.Request.Method} {http.Request.Path} is not part of this FHIR API: see {request.BaseUrl}/metadata."))));

    // Reads, checks and indexes a resource from the request body; id is the URL's for PUT and new for POST.
    private static async Task<Outcome<PreparedResource>> ReadResourceAsync(FhirRequest request, RecordOptions options, string type, string? id)
    {
        if (FhirWire.BodyFormat(request.Http.Request) is not { } format)
            return new RecordError(415, OperationOutcome.IssueType.NotSupported, "Send application/fhir+json or application/fhir+xml.");
        var body = await request.ReadBodyAsync(options.MaxBodyBytes);
        if (!body.Succeeded)
            return body.Error!;
        var parsed = FhirWire.Parse(body.Value, format);
        if (!parsed.Succeeded)
            return parsed.Error!;
        return Prepare(parsed.Value!, type, id);
    }

    /// <summary>Checks a parsed resource against the URL and prepares it for the store.</summary>
    internal static Outcome<PreparedResource> Prepare(Resource resource, string type, string? id)
    {
        if (resource.TypeName != type)
            return RecordError.Invalid($"The body is a {resource.TypeName} but the URL is for {type}.", "resourceType");
        if (id is not null && resource.Id != id)
            return RecordError.Invalid(resource.Id is null
                ? $"The {type} in the body has no id; an update must carry the id '{id}' from the URL."
                : $"The body's id '{resource.Id}' differs from the URL's id '{id}'.", "id");
        resource.Id = id ?? Guid.CreateVersion7().ToString();
        if (resource.Meta is not null)
        {
            resource.Meta.VersionId = null;
            resource.Meta.LastUpdated = null;
        }

        return PreparedResource.From(FhirWire.Json.SerializeToBytes(resource), type, resource.Id);
    }

    internal static async Task<RecordError?> MissingReferencesAsync(RecordWriter writer, PreparedResource resource, CancellationToken ct)
    {
        var targets = resource.LocalReferences().Where(t => t != (resource.Type, resource.Id) && RecordTypes.IsSupported(t.Type)).ToList();
        if (targets.Count == 0)
            return null;
        var missing = await writer.MissingAsync(targets, ct);
        return missing.Count == 0 ? null
            : RecordError.Unprocessable($"The {resource.Type} refers to {string.Join(", ", missing.Select(m => $"{m.Type}/{m.Id}"))}, which does not exist.");
    }

    /// <summary>The one resource that conditional-create <paramref name="criteria"/> (from the <paramref name="source"/> header or
    /// field) finds, null when none does; more than one is a 412.</summary>
    internal static async Task<Outcome<StoredResource?>> ConditionalMatchAsync(RecordStore store, RecordWriter writer, FhirRequest request, string type,
        string criteria, string source, CancellationToken ct)
    {
        var pairs = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(criteria.StartsWith('?') ? criteria : "?" + criteria)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")));
        var search = SearchRequestParser.Parse(type, pairs, strict: true);
        if (!search.Succeeded)
            return search.Error!;
        var page = await store.SearchAsync(writer, request.Access, search.Value! with { Count = 2 }, ct);
        if (!page.Succeeded)
            return page.Error!;
        return page.Value!.Matches.Count switch
        {
            0 => new Outcome<StoredResource?>(null, null),
            1 => page.Value.Matches[0],
            _ => RecordError.PreconditionFailed($"{source} '{criteria}' matches more than one {type}."),
        };
    }

    // _count (capped at the search maximum) and _since, shared by history and $everything.
    private static RecordError? ReadPaging(IQueryCollection query, int defaultCount, out int count, out DateTimeOffset? since)
    {
        since = null;
        count = defaultCount;
        if (query.TryGetValue("_count", out var countText)
            && (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1))
            return RecordError.Invalid($"_count '{countText}' is not a whole number from 1.");
        count = Math.Min(count, SearchRequest.MaxCount);
        if (query.TryGetValue("_since", out var sinceText))
        {
            if (!DateRange.TryParse(sinceText.ToString(), out var range))
                return RecordError.Invalid($"_since '{sinceText}' is not a FHIR instant.");
            since = DateTimeOffset.FromUnixTimeMilliseconds(range.Low);
        }

        return null;
    }

    private static FhirResult Written(FhirRequest request, WriteResult result)
    {
        var resource = result.Resource;
        var status = result.Kind == WriteKind.Created ? 201 : 200;
        var body = request.Return switch
        {
            PreferReturn.Minimal => null,
            PreferReturn.OperationOutcome => FhirWire.Render(Outcomes.Information(result.Kind switch
            {
                WriteKind.Created => $"Created {resource.VersionUrl}.",
                WriteKind.Unchanged => $"{resource.Type}/{resource.Id} already held this content (version {resource.Version}).",
                _ => $"Updated {resource.VersionUrl}.",
            }), request.Format),
            _ => FhirWire.Render(resource.Body!, request.Format),
        };
        return new FhirResult(status, body, request.Format).Versioned(resource)
            .With(status == 201 ? "Location" : "Content-Location", request.Absolute(resource.VersionUrl));
    }

    private static async Task<FhirResult> Handle(HttpContext http, Func<FhirRequest, Task<FhirResult>> work)
    {
        var request = FhirRequest.From(http);
        return request.Succeeded ? await work(request.Value!) : Outcomes.Result(request.Error!);
    }

    private static FhirResult Fail(FhirRequest request, RecordError error) => Outcomes.Result(error, request.Format);

    private static RecordError? CheckType(string type) =>
        RecordTypes.IsSupported(type) ? null
        : RecordError.NotFound($"'{type}' is not a resource type this server supports ({string.Join(", ", RecordTypes.InLoadOrder)}).");

    private static (SummaryMode, IReadOnlyList<string>?) Trimming(HttpContext http)
    {
        var query = http.Request.Query;
        var summary = query["_summary"].ToString() switch { "true" => SummaryMode.True, "text" => SummaryMode.Text, "data" => SummaryMode.Data, _ => SummaryMode.None };
        var elements = query.TryGetValue("_elements", out var e) ? e.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
        return (summary, elements);
    }

    private static string QueryWithout(HttpContext http, string name) =>
        string.Concat(http.Request.Query.Where(q => q.Key != name)
            .SelectMany(q => q.Value.Select(v => $"&{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}")));
}
