using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenIcs.Synthetic;

/// <summary>JSON values that never change (codings, references to organisations), encoded once and copied into each
/// resource as raw UTF-8: the hot path then formats only ids, dates and numbers.</summary>
internal static class RawJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly ConcurrentDictionary<string, byte[]> References = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string, string, string), byte[]> Concepts = new();
    private static readonly ConcurrentDictionary<(string, string, string), byte[]> ConceptArrays = new();
    private static readonly ConcurrentDictionary<(string, string, string), byte[]> Codings = new();

    /// <summary>Encodes whatever <paramref name="write"/> writes (one JSON value).</summary>
    public static byte[] Of(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, Options))
            write(json);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><c>{"reference": "…"}</c>, cached.</summary>
    public static byte[] Reference(string reference) =>
        References.GetOrAdd(reference, r => Of(json =>
        {
            json.WriteStartObject();
            json.WriteString(Fhir.Reference, r);
            json.WriteEndObject();
        }));

    /// <summary><c>{"system", "code", "display"}</c>, cached.</summary>
    public static byte[] Coding(string system, string code, string display) =>
        Codings.GetOrAdd((system, code, display), key => Of(json => Fhir.WriteCoding(json, key.Item1, key.Item2, key.Item3)));

    /// <summary><c>{"coding": [ … ]}</c>, cached.</summary>
    public static byte[] Concept(string system, string code, string display) =>
        Concepts.GetOrAdd((system, code, display), key => Of(json => Fhir.WriteConceptElement(json, key.Item1, key.Item2, key.Item3)));

    /// <summary><c>[{"coding": [ … ]}]</c>, cached.</summary>
    public static byte[] ConceptArray(string system, string code, string display) =>
        ConceptArrays.GetOrAdd((system, code, display), key => Of(json =>
        {
            json.WriteStartArray();
            Fhir.WriteConceptElement(json, key.Item1, key.Item2, key.Item3);
            json.WriteEndArray();
        }));

    /// <summary>Writes <c>"name": raw</c>.</summary>
    public static void Write(Utf8JsonWriter json, JsonEncodedText name, byte[] raw)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(raw, skipInputValidation: true);
    }
}
