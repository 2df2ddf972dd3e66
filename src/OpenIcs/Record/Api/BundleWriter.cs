using System.Buffers;
using System.Text.Json;
using Hl7.Fhir.Model;
using OpenIcs.Record.Search;

namespace OpenIcs.Record.Api;

/// <summary>One entry of a Bundle the server returns.</summary>
/// <param name="FullUrl">The absolute URL of the resource, or null.</param>
/// <param name="Resource">The stored resource to embed, or null.</param>
/// <param name="SearchMode">match, include or outcome for searchsets; null otherwise.</param>
/// <param name="Request">For history: the method and URL that made the version.</param>
/// <param name="Response">For history and transaction responses: status, location, ETag and time.</param>
/// <param name="Outcome">An OperationOutcome to embed as the resource or response outcome, or null.</param>
public sealed record BundleEntry(
    string? FullUrl, StoredResource? Resource, string? SearchMode = null, (string Method, string Url)? Request = null,
    (string Status, string? Location, string? ETag, DateTimeOffset? LastModified)? Response = null, OperationOutcome? Outcome = null);

/// <summary>Writes Bundles: JSON directly from the stored bytes (no re-parsing on the hot path), XML through Firely.</summary>
public static class BundleWriter
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A Bundle of <paramref name="type"/> with the given links and entries, rendered in <paramref name="format"/>.</summary>
    public static byte[] Write(string type, long? total, IReadOnlyList<(string Relation, string Url)> links, IReadOnlyList<BundleEntry> entries,
        FhirFormat format, DateTimeOffset now, SummaryMode summary = SummaryMode.None, IReadOnlyList<string>? elements = null)
    {
        return format == FhirFormat.Json
            ? WriteJson(type, total, links, entries, now, summary, elements)
            : FhirWire.Render(ToModel(type, total, links, entries, now), FhirFormat.Xml, SummaryMode.None, null);
    }

    private static byte[] WriteJson(string type, long? total, IReadOnlyList<(string Relation, string Url)> links, IReadOnlyList<BundleEntry> entries,
        DateTimeOffset now, SummaryMode summary, IReadOnlyList<string>? elements)
    {
        var buffer = new ArrayBufferWriter<byte>(4096 + (entries.Count * 1024));
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("resourceType", "Bundle");
            json.WriteString("id", Guid.NewGuid().ToString());
            json.WriteStartObject("meta");
            json.WriteString("lastUpdated", ResourceBody.Instant(now));
            json.WriteEndObject();
            json.WriteString("type", type);
            if (total is { } t)
                json.WriteNumber("total", t);
            if (links.Count > 0)
            {
                json.WriteStartArray("link");
                foreach (var (relation, url) in links)
                {
                    json.WriteStartObject();
                    json.WriteString("relation", relation);
                    json.WriteString("url", url);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            if (entries.Count > 0)
            {
                json.WriteStartArray("entry");
                foreach (var entry in entries)
                    WriteEntry(json, entry, summary, elements);
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteEntry(Utf8JsonWriter json, BundleEntry entry, SummaryMode summary, IReadOnlyList<string>? elements)
    {
        json.WriteStartObject();
        if (entry.FullUrl is not null)
            json.WriteString("fullUrl", entry.FullUrl);
        if (entry.Resource?.Body is { } body)
        {
            json.WritePropertyName("resource");
            json.WriteRawValue(entry.SearchMode == "match" ? FhirWire.Render(body, FhirFormat.Json, summary, elements) : body, skipInputValidation: true);
        }
        else if (entry.Outcome is not null && entry.Response is null)
        {
            json.WritePropertyName("resource");
            json.WriteRawValue(FhirWire.Render(entry.Outcome, FhirFormat.Json), skipInputValidation: true);
        }

        if (entry.SearchMode is not null)
        {
            json.WriteStartObject("search");
            json.WriteString("mode", entry.SearchMode);
            json.WriteEndObject();
        }

        if (entry.Request is { } request)
        {
            json.WriteStartObject("request");
            json.WriteString("method", request.Method);
            json.WriteString("url", request.Url);
            json.WriteEndObject();
        }

        if (entry.Response is { } response)
        {
            json.WriteStartObject("response");
            json.WriteString("status", response.Status);
            if (response.Location is not null)
                json.WriteString("location", response.Location);
            if (response.ETag is not null)
                json.WriteString("etag", response.ETag);
            if (response.LastModified is { } modified)
                json.WriteString("lastModified", ResourceBody.Instant(modified));
            if (entry.Outcome is not null)
            {
                json.WritePropertyName("outcome");
                json.WriteRawValue(FhirWire.Render(entry.Outcome, FhirFormat.Json), skipInputValidation: true);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static Bundle ToModel(string type, long? total, IReadOnlyList<(string Relation, string Url)> links, IReadOnlyList<BundleEntry> entries,
        DateTimeOffset now)
    {
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Meta = new Meta { LastUpdated = now },
            Type = Enum.Parse<Bundle.BundleType>(type.Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
            Total = total is null ? null : (int)Math.Min(int.MaxValue, total.Value),
            Link = links.Select(l => new Bundle.LinkComponent { Relation = l.Relation, Url = l.Url }).ToList(),
        };
        foreach (var entry in entries)
        {
            var component = new Bundle.EntryComponent { FullUrl = entry.FullUrl };
            if (entry.Resource?.Body is { } body)
                component.Resource = FhirWire.ToModel(body);
            else if (entry.Outcome is not null && entry.Response is null)
                component.Resource = entry.Outcome;
            if (entry.SearchMode is not null)
                component.Search = new Bundle.SearchComponent
                {
                    Mode = entry.SearchMode switch { "match" => Bundle.SearchEntryMode.Match, "include" => Bundle.SearchEntryMode.Include, _ => Bundle.SearchEntryMode.Outcome },
                };
            if (entry.Request is { } request)
                component.Request = new Bundle.RequestComponent { Method = Enum.Parse<Bundle.HTTPVerb>(request.Method), Url = request.Url };
            if (entry.Response is { } response)
                component.Response = new Bundle.ResponseComponent
                {
                    Status = response.Status, Location = response.Location, Etag = response.ETag, LastModified = response.LastModified,
                    Outcome = entry.Outcome,
                };
            bundle.Entry.Add(component);
        }

        return bundle;
    }
}
