using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using OpenIcs.Record.Search;

namespace OpenIcs.Record.Api;

/// <summary>The wire formats of the FHIR API and how a request chooses one (<c>_format</c>, then Accept).</summary>
public enum FhirFormat
{
    /// <summary>application/fhir+json (the default).</summary>
    Json,

    /// <summary>application/fhir+xml.</summary>
    Xml,
}

/// <summary>Reading and writing FHIR resources in JSON and XML with the Firely SDK.</summary>
public static class FhirWire
{
    /// <summary>The JSON media type.</summary>
    public const string JsonMediaType = "application/fhir+json";

    /// <summary>The XML media type.</summary>
    public const string XmlMediaType = "application/fhir+xml";

    private static readonly FhirJsonDeserializer StrictJson = new();
    private static readonly FhirXmlDeserializer StrictXml = new();

    // Stored resources were checked on the way in; reading them back need not check again.
    private static readonly FhirJsonDeserializer TrustedJson = new(new DeserializerSettings().UsingMode(DeserializationMode.Ostrich));

    /// <summary>Compact JSON.</summary>
    public static FhirJsonSerializer Json { get; } = new();

    /// <summary>XML.</summary>
    public static FhirXmlSerializer Xml { get; } = new();

    /// <summary>The response format <paramref name="request"/> asks for, or null when it asks for one we cannot give.</summary>
    public static FhirFormat? ResponseFormat(HttpRequest request)
    {
        if (request.Query.TryGetValue("_format", out var format) && format.Count > 0)
            return FromName(format[0]);
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
            return FhirFormat.Json;
        foreach (var media in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            if (FromName(media.MediaType.Value) is { } chosen)
                return chosen;
        }

        return null;
    }

    /// <summary>The format of a request body, from Content-Type (JSON when absent).</summary>
    public static FhirFormat? BodyFormat(HttpRequest request) =>
        string.IsNullOrEmpty(request.ContentType) ? FhirFormat.Json
        : MediaTypeHeaderValue.TryParse(request.ContentType, out var media) ? FromName(media.MediaType.Value) : null;

    private static FhirFormat? FromName(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "json" or "application/json" or "application/fhir+json" or "application/json+fhir" or "*/*" or "application/*" => FhirFormat.Json,
        "xml" or "text/xml" or "application/xml" or "application/fhir+xml" or "application/xml+fhir" => FhirFormat.Xml,
        "html" or "text/html" => FhirFormat.Json, // browsers ask for HTML; they get readable JSON
        _ => null,
    };

    /// <summary>The media type to answer with.</summary>
    public static string MediaType(FhirFormat format) =>
        (format == FhirFormat.Json ? JsonMediaType : XmlMediaType) + "; charset=utf-8";

    /// <summary>Parses a resource from a request body, checking it against the FHIR R4 model.</summary>
    public static Outcome<Resource> Parse(ReadOnlySpan<byte> body, FhirFormat format)
    {
        try
        {
            return format == FhirFormat.Json
                ? StrictJson.DeserializeResource(System.Text.Encoding.UTF8.GetString(body))
                : StrictXml.DeserializeResource(System.Text.Encoding.UTF8.GetString(body));
        }
        catch (DeserializationFailedException e)
        {
            var issues = e.Exceptions.Select(x => x.Message).ToList();
            return RecordError.Invalid($"The {(format == FhirFormat.Json ? "JSON" : "XML")} is not a valid FHIR R4 resource: "
                + string.Join(" ", issues.Take(10)));
        }
        catch (Exception e) when (e is FormatException or System.Xml.XmlException or System.Text.Json.JsonException or ArgumentException)
        {
            return RecordError.Invalid($"The body is not a readable FHIR resource: {e.Message}");
        }
    }

    /// <summary>A stored resource's JSON as a model object.</summary>
    public static Resource ToModel(byte[] body) => TrustedJson.DeserializeResource(System.Text.Encoding.UTF8.GetString(body));

    /// <summary>The bytes of a stored resource in <paramref name="format"/>, trimmed by <paramref name="summary"/> and
    /// <paramref name="elements"/>; plain JSON is the stored bytes themselves.</summary>
    public static byte[] Render(byte[] body, FhirFormat format, SummaryMode summary = SummaryMode.None, IReadOnlyList<string>? elements = null)
    {
        if (format == FhirFormat.Json && summary == SummaryMode.None && elements is null)
            return body;
        return Render(ToModel(body), format, summary, elements);
    }

    /// <summary>The bytes of <paramref name="resource"/> in <paramref name="format"/>, trimmed as asked.</summary>
    public static byte[] Render(Resource resource, FhirFormat format, SummaryMode summary = SummaryMode.None, IReadOnlyList<string>? elements = null)
    {
        var summaryType = summary switch
        {
            SummaryMode.True => SummaryType.True,
            SummaryMode.Text => SummaryType.Text,
            SummaryMode.Data => SummaryType.Data,
            _ => SummaryType.False,
        };
        // meta carries the SUBSETTED tag, so it stays whatever _elements lists.
        var fields = elements?.Append("meta").Distinct(StringComparer.Ordinal).ToArray();
        if (summaryType != SummaryType.False || fields is not null)
        {
            // The spec asks servers to mark trimmed resources so nobody mistakes them for whole ones.
            resource = (Resource)resource.DeepCopy();
            resource.Meta ??= new Meta();
            resource.Meta.Tag.Add(new Coding("http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "SUBSETTED", "Resource encoded in summary mode"));
        }

        return format == FhirFormat.Json
            ? Json.SerializeToBytes(resource, summaryType, fields)
            : Xml.SerializeToBytes(resource, summaryType, fields);
    }
}
