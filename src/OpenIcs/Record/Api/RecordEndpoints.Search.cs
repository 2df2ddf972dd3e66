using Microsoft.AspNetCore.Http;
using OpenIcs.Record.Search;

namespace OpenIcs.Record.Api;

/// <summary>Search over GET and POST <c>_search</c>, answered as a searchset Bundle with stable paging links.</summary>
public static partial class RecordEndpoints
{
    private static Task<FhirResult> Search(string type, HttpContext http, RecordStore store, CancellationToken ct) =>
        Handle(http, request => SearchAsync(request, store, type, request.QueryPairs().ToList(), ct));

    private static Task<FhirResult> SearchByPost(string type, HttpContext http, RecordStore store, CancellationToken ct) =>
        Handle(http, async request =>
        {
            var pairs = request.QueryPairs().ToList();
            if (http.Request.HasFormContentType)
            {
                var form = await http.Request.ReadFormAsync(ct);
                pairs.AddRange(form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))));
            }

            return await SearchAsync(request, store, type, pairs, ct);
        });

    private static async Task<FhirResult> SearchAsync(FhirRequest request, RecordStore store, string type,
        List<KeyValuePair<string, string>> pairs, CancellationToken ct)
    {
        if (CheckType(type) is { } unknown)
            return Fail(request, unknown);
        var parsed = SearchRequestParser.Parse(type, pairs, request.Strict);
        if (!parsed.Succeeded)
            return Fail(request, parsed.Error!);
        var search = parsed.Value!;
        var page = await store.SearchAsync(request.Access, search, ct);
        if (!page.Succeeded)
            return Fail(request, page.Error!);
        return SearchResult(request, store, search, page.Value!, pairs, $"{type}");
    }

    /// <summary>The searchset Bundle of one page: matches, includes, links that repeat the applied parameters.</summary>
    internal static FhirResult SearchResult(FhirRequest request, RecordStore store, SearchRequest search, SearchPage page,
        IReadOnlyList<KeyValuePair<string, string>> pairs, string path)
    {
        // Links carry the parameters that were applied (ignored ones are left out, as the spec asks) and a fresh cursor.
        var applied = pairs.Where(p => p.Key != "_cursor" && p.Key != "_format" && !search.Ignored.Contains(p.Key)).ToList();
        string Link(string? cursor) => request.Absolute(path) + "?" + string.Join('&',
            applied.Append(new("_format", request.Format == FhirFormat.Json ? "json" : "xml"))
                .Concat(cursor is null ? [] : [new KeyValuePair<string, string>("_cursor", cursor)])
                .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var links = new List<(string, string)> { ("self", Link(search.After?.Encode())) };
        if (search.After is not null)
            links.Add(("first", Link(null)));
        if (page.Next is not null)
            links.Add(("next", Link(page.Next.Encode())));
        var entries = page.Matches.Select(m => new BundleEntry(request.Absolute($"{m.Type}/{m.Id}"), m, "match"))
            .Concat(page.Included.Select(i => new BundleEntry(request.Absolute($"{i.Type}/{i.Id}"), i, "include")))
            .ToList();
        if (search.Ignored.Count > 0)
            entries.Add(new BundleEntry(null, null, "outcome",
                Outcome: Outcomes.Information($"Ignored parameters this server does not support: {string.Join(", ", search.Ignored)}.")));
        var body = BundleWriter.Write("searchset", page.Total, links, entries, request.Format, store.Time.GetUtcNow(), search.Summary, search.Elements);
        return new FhirResult(200, body, request.Format);
    }
}
