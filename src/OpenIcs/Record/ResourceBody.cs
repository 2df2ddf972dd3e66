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

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    // A thread keeps its buffer between resources unless an unusually large one made it grow past this.
    private const int MaxKeptBuffer = 1 << 20;

    /// <summary>The length of an <see cref="Instant"/>.</summary>
    public const int InstantLength = 24;

    /// <summary>The FHIR instant format the server writes (UTC, milliseconds).</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>Writes <see cref="Instant"/> of <paramref name="at"/> as UTF-8 into the first <see cref="InstantLength"/>
    /// bytes of <paramref name="into"/>.</summary>
    public static void WriteInstant(DateTimeOffset at, Span<byte> into)
    {
        if (!at.UtcDateTime.TryFormat(into[..InstantLength], out var written, InstantFormat, CultureInfo.InvariantCulture) || written != InstantLength)
            throw new ArgumentOutOfRangeException(nameof(at), at, "The time has no four-digit year.");
    }

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The stored JSON of <paramref name="resource"/> at <paramref name="version"/>.</summary>
    /// <param name="resource">The resource JSON as received.</param>
    /// <param name="id">The logical id to write.</param>
    /// <param name="version">The version to write in <c>meta.versionId</c>.</param>
    /// <param name="lastUpdated">The time to write in <c>meta.lastUpdated</c>.</param>
    /// <param name="renamed">Relative references to rewrite (<c>Patient/old</c> to <c>Patient/new</c>), or null.</param>
    public static byte[] Stamp(JsonElement resource, string id, int version, DateTimeOffset lastUpdated,
        IReadOnlyDictionary<string, string>? renamed = null)
    {
        // Every stored version passes through here; one buffer and writer per thread leave the result the only allocation.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, Options);
        writer.Reset(buffer);
        writer.WriteStartObject();
        if (resource.TryGetProperty("resourceType"u8, out var type))
        {
            writer.WritePropertyName("resourceType"u8);
            type.WriteTo(writer);
        }

        writer.WriteString("id"u8, id);
        writer.WritePropertyName("meta"u8);
        writer.WriteStartObject();
        writer.WriteString("versionId"u8, version.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("lastUpdated"u8, Instant(lastUpdated));
        if (resource.TryGetProperty("meta"u8, out var meta) && meta.ValueKind == JsonValueKind.Object)
            foreach (var property in meta.EnumerateObject())
                if (!property.NameEquals("versionId"u8) && !property.NameEquals("lastUpdated"u8))
                    property.WriteTo(writer);
        writer.WriteEndObject();

        foreach (var property in resource.EnumerateObject())
        {
            if (property.NameEquals("resourceType"u8) || property.NameEquals("id"u8) || property.NameEquals("meta"u8))
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
        writer.Flush();
        var body = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > MaxKeptBuffer)
            t_buffer = null;
        return body;
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
                    if (property.NameEquals("reference"u8) && property.Value.ValueKind == JsonValueKind.String
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
