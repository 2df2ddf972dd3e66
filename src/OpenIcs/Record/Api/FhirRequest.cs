using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using OpenIcs.Governance;

namespace OpenIcs.Record.Api;

/// <summary>What the FHIR API reads from every request: formats, base URL, caller, and the Prefer header.</summary>
public sealed class FhirRequest
{
    private FhirRequest(HttpContext http, FhirFormat format)
    {
        Http = http;
        Format = format;
        var request = http.Request;
        BaseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}/fhir";
        var prefer = string.Join(';', request.Headers["Prefer"].ToArray());
        Strict = prefer.Contains("handling=strict", StringComparison.OrdinalIgnoreCase);
        RespondAsync = prefer.Contains("respond-async", StringComparison.OrdinalIgnoreCase);
        Return = prefer.Contains("return=minimal", StringComparison.OrdinalIgnoreCase) ? PreferReturn.Minimal
            : prefer.Contains("return=OperationOutcome", StringComparison.OrdinalIgnoreCase) ? PreferReturn.OperationOutcome
            : PreferReturn.Representation;
    }

    /// <summary>The HTTP context.</summary>
    public HttpContext Http { get; }

    /// <summary>The response format.</summary>
    public FhirFormat Format { get; }

    /// <summary>The absolute base of the FHIR API, e.g. <c>https://host/fhir</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>True with <c>Prefer: handling=strict</c>: unknown search parameters are errors.</summary>
    public bool Strict { get; }

    /// <summary>True with <c>Prefer: respond-async</c>.</summary>
    public bool RespondAsync { get; }

    /// <summary>What the caller wants back from a write.</summary>
    public PreferReturn Return { get; }

    /// <summary>Who is calling. Until the governance issue adds sign-in, every API caller is an anonymous direct-care
    /// reader; the record already routes every read through this context.</summary>
    public AccessContext Access => Http.User.Identity is { IsAuthenticated: true, Name: { } name }
        ? AccessContext.For(name, Http.User.FindFirst("role")?.Value ?? "user", Http.User.FindFirst("organisation")?.Value, AccessPurpose.DirectCare)
        : AccessContext.For("anonymous", "api", null, AccessPurpose.DirectCare);

    /// <summary>Reads the request's format choices, or a 406 OperationOutcome when it wants neither JSON nor XML.</summary>
    public static Outcome<FhirRequest> From(HttpContext http) =>
        FhirWire.ResponseFormat(http.Request) is { } format
            ? new FhirRequest(http, format)
            : new RecordError(406, Hl7.Fhir.Model.OperationOutcome.IssueType.NotSupported,
                "Ask for application/fhir+json or application/fhir+xml (Accept or _format).");

    /// <summary>The request body, or 413 when it exceeds <paramref name="limit"/> bytes.</summary>
    public async Task<Outcome<byte[]>> ReadBodyAsync(long limit)
    {
        var request = Http.Request;
        if (request.ContentLength > limit)
            return RecordError.TooLarge($"The request body has {request.ContentLength} bytes; this server accepts at most {limit}.");
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, Http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
                return RecordError.TooLarge($"The request body is larger than the {limit} bytes this server accepts.");
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The version an <c>If-Match</c> header asks for (<c>W/"3"</c> or <c>"3"</c>), null when absent.</summary>
    public Outcome<int?> IfMatch() => Version(Http.Request.Headers.IfMatch, "If-Match");

    /// <summary>Reads a version ETag header.</summary>
    public static Outcome<int?> Version(StringValues header, string name)
    {
        if (StringValues.IsNullOrEmpty(header))
            return new Outcome<int?>(null, null);
        var text = header.ToString().Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
            text = text[2..];
        text = text.Trim('"');
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1
            ? new Outcome<int?>(version, null)
            : RecordError.Invalid($"{name} '{header}' is not a version ETag such as W/\"3\".");
    }

    /// <summary>The absolute URL of <paramref name="relative"/> (e.g. <c>Patient/1</c>).</summary>
    public string Absolute(string relative) => $"{BaseUrl}/{relative}";

    /// <summary>The query string pairs, decoded, in order, repeats kept.</summary>
    public IEnumerable<KeyValuePair<string, string>> QueryPairs() =>
        Http.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")));
}

/// <summary>The <c>Prefer: return=</c> choices.</summary>
public enum PreferReturn
{
    /// <summary>The resource (the default).</summary>
    Representation,

    /// <summary>No body.</summary>
    Minimal,

    /// <summary>An OperationOutcome.</summary>
    OperationOutcome,
}
