using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace OpenIcs.Record;

/// <summary>Writes the stored form of a resource: its JSON with <c>id</c>, <c>meta.versionId</c> and
/// <c>meta.lastUpdated</c> set by the server and references renamed where a load matched an existing resource.</summary>
public static class ResourceBody
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The FHIR instant format the server writes (UTC, milliseconds).</summary>
    public static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The stored JSON of <paramref name="resource"/> at <paramref name="version"/>.</summary>
    /// <param name="resource">The resource JSON as received.</param>
    /// <param name="id">The logical id to write.</param>
    /// <param name="version">The version to write in <c>meta.versionId</c>.</param>
    /// <param name="lastUpdated">The time to write in <c>meta.lastUpdated</c>.</param>
    /// <param name="renamed">Relative references to rewrite (<c>Patient/old</c> to <c>Patient/new</c>), or null.</param>
    public static byte[] Stamp(JsonElement resource, string id, int version, DateTimeOffset lastUpdated,
        IReadOnlyDictionary<string, string>? renamed = null)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            if (resource.TryGetProperty("resourceType", out var type))
            {
                writer.WritePropertyName("resourceType");
                type.WriteTo(writer);
            }

            writer.WriteString("id", id);
            writer.WritePropertyName("meta");
            writer.WriteStartObject();
            writer.WriteString("versionId", version.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("lastUpdated", Instant(lastUpdated));
            if (resource.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object)
                foreach (var property in meta.EnumerateObject())
                    if (!property.NameEquals("versionId") && !property.NameEquals("lastUpdated"))
                        property.WriteTo(writer);
            writer.WriteEndObject();

            foreach (var property in resource.EnumerateObject())
            {
                if (property.NameEquals("resourceType") || property.NameEquals("id") || property.NameEquals("meta"))
                    continue;
                if (renamed is null || renamed.Count == 0)
                {
                    property.WriteTo(writer);
                }
                else
                {
                    writer.WritePropertyName(property.Name);
                    WriteRenamed(property.Value, writer, renamed);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A 64-bit hash of <paramref name="json"/> (the first eight bytes of its SHA-256), to tell unchanged
    /// content on reload.</summary>
    public static long Hash(ReadOnlySpan<byte> json)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(json, digest);
        return BitConverter.ToInt64(digest);
    }

    private static void WriteRenamed(JsonElement element, Utf8JsonWriter writer, IReadOnlyDictionary<string, string> renamed)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    if (property.NameEquals("reference") && property.Value.ValueKind == JsonValueKind.String
                        && renamed.TryGetValue(property.Value.GetString()!, out var target))
                        writer.WriteStringValue(target);
                    else
                        WriteRenamed(property.Value, writer, renamed);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                    WriteRenamed(item, writer, renamed);
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
