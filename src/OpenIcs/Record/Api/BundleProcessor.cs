using Hl7.Fhir.Model;
using Microsoft.AspNetCore.WebUtilities;
using OpenIcs.Record.Search;

namespace OpenIcs.Record.Api;

/// <summary>Carries out batch and transaction Bundles. A transaction is one store transaction: entries are processed
/// in the order FHIR requires (DELETE, POST, PUT, GET), references to other entries (<c>urn:uuid:</c> full URLs and
/// conditional creates) are resolved to the ids assigned, and any failure leaves nothing written.</summary>
internal sealed class BundleProcessor(RecordStore store, FhirRequest request)
{
    private static readonly Bundle.HTTPVerb[] Order = [Bundle.HTTPVerb.DELETE, Bundle.HTTPVerb.POST, Bundle.HTTPVerb.PUT, Bundle.HTTPVerb.GET];

    /// <summary>Runs a transaction; the response entries are in the order of the request's.</summary>
    public async Task<Outcome<IReadOnlyList<BundleEntry>>> TransactionAsync(Bundle bundle, CancellationToken ct)
    {
        for (var i = 0; i < bundle.Entry.Count; i++)
            if (bundle.Entry[i].Request?.Method is null || bundle.Entry[i].Request!.Url is null)
                return RecordError.Invalid($"Entry {i} has no request method and URL.", $"Bundle.entry[{i}].request");
        var outcome = await store.TryWriteAsync<IReadOnlyList<BundleEntry>>(async writer =>
        {
            var responses = new BundleEntry?[bundle.Entry.Count];
            var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
            var written = new List<PreparedResource>();

            // First name every entry that POST creates, so any entry may refer to any other.
            foreach (var (entry, index) in bundle.Entry.Select((e, i) => (e, i)).Where(p => p.e.Request!.Method == Bundle.HTTPVerb.POST))
            {
                var type = entry.Request!.Url!.Split('?')[0].Trim('/');
                if (entry.Request.IfNoneExist is { Length: > 0 } criteria)
                {
                    var existing = await RecordEndpoints.ConditionalMatchAsync(store, writer, request, type, criteria, "ifNoneExist", ct);
                    if (!existing.Succeeded)
                        return At(index, existing.Error!);
                    if (existing.Value is { } found)
                    {
                        Name(entry, $"{found.Type}/{found.Id}", renamed);
                        responses[index] = Response(found, "200 OK");
                        continue;
                    }
                }

                Name(entry, $"{type}/{Guid.CreateVersion7()}", renamed);
            }

            foreach (var method in Order)
            {
                for (var index = 0; index < bundle.Entry.Count; index++)
                {
                    var entry = bundle.Entry[index];
                    if (entry.Request!.Method != method || responses[index] is not null)
                        continue;
                    var response = await ProcessAsync(writer, entry, index, renamed, written, ct);
                    if (!response.Succeeded)
                        return response.Error!;
                    responses[index] = response.Value;
                }
            }

            foreach (var resource in written)
                if (await RecordEndpoints.MissingReferencesAsync(writer, resource, ct) is { } missing)
                    return missing;
            return responses.Select(r => r!).ToList();
        }, ct);
        return outcome;
    }

    /// <summary>Runs each entry of a batch on its own; failures become entry outcomes.</summary>
    public async Task<Outcome<IReadOnlyList<BundleEntry>>> BatchAsync(Bundle bundle, CancellationToken ct)
    {
        var responses = new List<BundleEntry>();
        for (var index = 0; index < bundle.Entry.Count; index++)
        {
            var entry = bundle.Entry[index];
            if (entry.Request?.Method is null || entry.Request.Url is null)
            {
                responses.Add(Failure(RecordError.Invalid($"Entry {index} has no request method and URL.")));
                continue;
            }

            var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
            if (entry.Request.Method == Bundle.HTTPVerb.POST)
                Name(entry, $"{entry.Request.Url!.Split('?')[0].Trim('/')}/{Guid.CreateVersion7()}", renamed);
            var outcome = await store.TryWriteAsync(async writer =>
            {
                var written = new List<PreparedResource>();
                var response = await ProcessAsync(writer, entry, index, renamed, written, ct);
                if (!response.Succeeded)
                    return response;
                foreach (var resource in written)
                    if (await RecordEndpoints.MissingReferencesAsync(writer, resource, ct) is { } missing)
                        return missing;
                return response;
            }, ct);
            responses.Add(outcome.Succeeded ? outcome.Value! : Failure(outcome.Error!));
        }

        return responses;
    }

    private async Task<Outcome<BundleEntry>> ProcessAsync(RecordWriter writer, Bundle.EntryComponent entry, int index,
        Dictionary<string, string> renamed, List<PreparedResource> written, CancellationToken ct)
    {
        var (path, query) = SplitUrl(entry.Request!.Url!);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || !RecordTypes.IsSupported(segments[0]))
            return At(index, RecordError.NotFound($"'{entry.Request.Url}' does not name a resource type this server supports."));
        var type = segments[0];
        switch (entry.Request.Method)
        {
            case Bundle.HTTPVerb.POST:
            case Bundle.HTTPVerb.PUT:
                if (entry.Resource is null)
                    return At(index, RecordError.Invalid($"Entry {index} ({entry.Request.Method}) has no resource."));
                string id;
                if (entry.Request.Method == Bundle.HTTPVerb.POST)
                {
                    id = renamed[Key(entry)].Split('/')[1];
                }
                else if (segments.Length == 2)
                {
                    id = segments[1];
                }
                else
                {
                    return At(index, RecordError.NotSupported($"PUT '{entry.Request.Url}': conditional update is not supported; use Type/id."));
                }

                var unresolved = Rename(entry.Resource, renamed);
                if (unresolved is not null)
                    return At(index, RecordError.Invalid($"Entry {index} refers to {unresolved}, which no entry of the transaction has as its fullUrl."));
                entry.Resource.Id = id;
                var prepared = RecordEndpoints.Prepare(entry.Resource, type, id);
                if (!prepared.Succeeded)
                    return At(index, prepared.Error!);
                var result = entry.Request.Method == Bundle.HTTPVerb.POST
                    ? await writer.CreateAsync(prepared.Value!, ct)
                    : await writer.UpdateAsync(prepared.Value!, IfMatch(entry.Request.IfMatch), ct);
                if (!result.Succeeded)
                    return At(index, result.Error!);
                written.Add(prepared.Value!);
                return Response(result.Value!.Resource, result.Value.Kind == WriteKind.Created ? "201 Created" : "200 OK");
            case Bundle.HTTPVerb.DELETE:
                if (segments.Length != 2)
                    return At(index, RecordError.NotSupported($"DELETE '{entry.Request.Url}': conditional delete is not supported; use Type/id."));
                var deleted = await writer.DeleteAsync(type, segments[1], IfMatch(entry.Request.IfMatch), ct);
                if (!deleted.Succeeded)
                    return At(index, deleted.Error!);
                return new BundleEntry(null, null, Response: ("204 No Content", null, deleted.Value?.Resource.ETag, null));
            case Bundle.HTTPVerb.GET:
                if (segments.Length == 2)
                {
                    var found = await store.SearchAsync(writer, request.Access, SearchRequest.Of(type,
                        new SearchClause(SearchParameterCatalog.Find(type, "_id")!, null, [segments[1]])), ct);
                    return found.Value?.Matches is [var one]
                        ? new BundleEntry(request.Absolute($"{type}/{one.Id}"), one, Response: ("200 OK", null, one.ETag, one.LastUpdatedAt))
                        : At(index, RecordError.NotFound($"{type}/{segments[1]} does not exist."));
                }

                var search = SearchRequestParser.Parse(type, query, request.Strict);
                if (!search.Succeeded)
                    return At(index, search.Error!);
                var page = await store.SearchAsync(writer, request.Access, search.Value!, ct);
                if (!page.Succeeded)
                    return At(index, page.Error!);
                return new BundleEntry(null, null, Response: ("200 OK", null, null, null),
                    Outcome: Outcomes.Information($"{page.Value!.Matches.Count} {type} matched: search with GET for the resources."));
            default:
                return At(index, RecordError.NotSupported($"{entry.Request.Method} is not supported in a Bundle entry."));
        }
    }

    // Records the id a POST entry will have, under its fullUrl (urn:uuid or absolute) for the other entries.
    private static void Name(Bundle.EntryComponent entry, string relative, Dictionary<string, string> renamed)
    {
        renamed[Key(entry)] = relative;
        if (entry.FullUrl is { Length: > 0 } fullUrl)
            renamed[fullUrl] = relative;
    }

    private static string Key(Bundle.EntryComponent entry) => "entry:" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(entry);

    // Rewrites references to other entries; returns the first urn: reference no entry defines.
    private static string? Rename(Base element, Dictionary<string, string> renamed)
    {
        foreach (var (_, value) in element.EnumerateElements())
        {
            switch (value)
            {
                case ResourceReference reference when reference.Reference is { } target:
                    if (renamed.TryGetValue(target, out var relative))
                        reference.Reference = relative;
                    else if (target.StartsWith("urn:", StringComparison.Ordinal))
                        return target;
                    break;
                case Base child:
                    if (Rename(child, renamed) is { } missing)
                        return missing;
                    break;
                case IEnumerable<Base> children:
                    foreach (var item in children)
                        if (Rename(item, renamed) is { } missingItem)
                            return missingItem;
                    break;
            }
        }

        return null;
    }

    private BundleEntry Response(StoredResource resource, string status) => new(
        request.Absolute($"{resource.Type}/{resource.Id}"), request.Return == PreferReturn.Minimal ? null : resource,
        Response: (status, request.Absolute(resource.VersionUrl), resource.ETag, resource.LastUpdatedAt));

    private static BundleEntry Failure(RecordError error) =>
        new(null, null, Response: ($"{error.Status}", null, null, null), Outcome: Outcomes.For(error));

    private static RecordError At(int index, RecordError error) =>
        error with { Location = error.Location is null ? $"Bundle.entry[{index}]" : $"Bundle.entry[{index}].resource.{error.Location}" };

    private static int? IfMatch(string? header)
    {
        var version = FhirRequest.Version(header, "ifMatch");
        return version.Succeeded ? version.Value : -1;
    }

    private static (string Path, List<KeyValuePair<string, string>> Query) SplitUrl(string url)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? url : url[..question];
        var query = question < 0 ? [] : QueryHelpers.ParseQuery(url[question..])
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))).ToList();
        return (path.Trim('/'), query);
    }
}
