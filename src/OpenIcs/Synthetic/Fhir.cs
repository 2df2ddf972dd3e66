using System.Globalization;
using System.Text.Json;

namespace OpenIcs.Synthetic;

/// <summary>Small writers for the FHIR JSON shapes every resource uses, with property names encoded once.</summary>
internal static class Fhir
{
    /// <summary>SNOMED CT.</summary>
    public const string Snomed = "http://snomed.info/sct";

    /// <summary>LOINC.</summary>
    public const string Loinc = "http://loinc.org";

    /// <summary>UCUM units.</summary>
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>The base of identifiers, code systems and extensions that OpenICS defines itself.</summary>
    public const string OpenIcsBase = "https://openics.org.uk/fhir";

    public static readonly JsonEncodedText ResourceType = JsonEncodedText.Encode("resourceType");
    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    public static readonly JsonEncodedText Identifier = JsonEncodedText.Encode("identifier");
    public static readonly JsonEncodedText System = JsonEncodedText.Encode("system");
    public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    public static readonly JsonEncodedText Display = JsonEncodedText.Encode("display");
    public static readonly JsonEncodedText Coding = JsonEncodedText.Encode("coding");
    public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    public static readonly JsonEncodedText Reference = JsonEncodedText.Encode("reference");
    public static readonly JsonEncodedText Subject = JsonEncodedText.Encode("subject");
    public static readonly JsonEncodedText Patient = JsonEncodedText.Encode("patient");
    public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    public static readonly JsonEncodedText Category = JsonEncodedText.Encode("category");
    public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    public static readonly JsonEncodedText Period = JsonEncodedText.Encode("period");
    public static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
    public static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
    public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
    public static readonly JsonEncodedText Extension = JsonEncodedText.Encode("extension");
    public static readonly JsonEncodedText ValueCodeableConcept = JsonEncodedText.Encode("valueCodeableConcept");
    public static readonly JsonEncodedText ValueQuantity = JsonEncodedText.Encode("valueQuantity");
    public static readonly JsonEncodedText ValueInteger = JsonEncodedText.Encode("valueInteger");
    public static readonly JsonEncodedText Unit = JsonEncodedText.Encode("unit");
    public static readonly JsonEncodedText EffectiveDateTime = JsonEncodedText.Encode("effectiveDateTime");
    public static readonly JsonEncodedText Encounter = JsonEncodedText.Encode("encounter");
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    public static readonly JsonEncodedText Active = JsonEncodedText.Encode("active");

    /// <summary>Starts a resource: <c>{"resourceType": …, "id": …</c>.</summary>
    public static void Begin(Utf8JsonWriter json, JsonEncodedText resourceType, ReadOnlySpan<char> id)
    {
        json.WriteStartObject();
        json.WriteString(ResourceType, resourceType);
        json.WriteString(Id, id);
    }

    /// <summary>Writes a single coding object.</summary>
    public static void WriteCoding(Utf8JsonWriter json, string system, string code, string display)
    {
        json.WriteStartObject();
        json.WriteString(System, system);
        json.WriteString(Code, code);
        json.WriteString(Display, display);
        json.WriteEndObject();
    }

    /// <summary>Writes <c>"name": {"coding": [{system, code, display}]}</c>.</summary>
    public static void WriteConcept(Utf8JsonWriter json, JsonEncodedText name, string system, string code, string display) =>
        RawJson.Write(json, name, RawJson.Concept(system, code, display));

    /// <summary>Writes a codeable concept as an array element.</summary>
    public static void WriteConceptElement(Utf8JsonWriter json, string system, string code, string display)
    {
        json.WriteStartObject();
        json.WriteStartArray(Coding);
        WriteCoding(json, system, code, display);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes <c>"name": [{"coding": [ … ]}]</c>.</summary>
    public static void WriteConceptArray(Utf8JsonWriter json, JsonEncodedText name, string system, string code, string display) =>
        RawJson.Write(json, name, RawJson.ConceptArray(system, code, display));

    /// <summary>Writes <c>"name": {"reference": "…"}</c> for an organisation (cached).</summary>
    public static void WriteReference(Utf8JsonWriter json, JsonEncodedText name, string reference) =>
        RawJson.Write(json, name, RawJson.Reference(reference));

    /// <summary>Writes <c>"name": {"reference": "Patient/…"}</c> for a person.</summary>
    public static void WriteReference(Utf8JsonWriter json, JsonEncodedText name, Person person) =>
        RawJson.Write(json, name, person.SubjectJson);

    /// <summary>Writes a FHIR date (yyyy-MM-dd).</summary>
    public static void WriteDate(Utf8JsonWriter json, JsonEncodedText name, int day)
    {
        Span<byte> text = stackalloc byte[10];
        var length = Days.Format(day, text);
        json.WriteString(name, text[..length]);
    }

    /// <summary>Writes <c>"period": {"start": …, "end": …}</c>; <paramref name="endDay"/> may be null.</summary>
    public static void WritePeriod(Utf8JsonWriter json, int startDay, int? endDay)
    {
        json.WriteStartObject(Period);
        WriteDate(json, Start, startDay);
        if (endDay is { } end)
            WriteDate(json, End, end);
        json.WriteEndObject();
    }

    /// <summary>Writes a UCUM quantity.</summary>
    public static void WriteQuantity(Utf8JsonWriter json, JsonEncodedText name, double value, int decimals, string unit, string ucum)
    {
        json.WriteStartObject(name);
        json.WriteNumber(Value, Math.Round(value, decimals));
        json.WriteString(Unit, unit);
        json.WriteString(System, Ucum);
        json.WriteString(Code, ucum);
        json.WriteEndObject();
    }

    /// <summary>Formats an id such as <c>e-000012345-7</c> into <paramref name="destination"/>.</summary>
    public static ReadOnlySpan<char> FormatId(Span<char> destination, string prefix, long index, int sequence)
    {
        prefix.AsSpan().CopyTo(destination);
        var length = prefix.Length;
        destination[length++] = '-';
        index.TryFormat(destination[length..], out var written, "D9", CultureInfo.InvariantCulture);
        length += written;
        if (sequence >= 0)
        {
            destination[length++] = '-';
            sequence.TryFormat(destination[length..], out written, default, CultureInfo.InvariantCulture);
            length += written;
        }

        return destination[..length];
    }
}
