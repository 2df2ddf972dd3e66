using System.Text.Json;
using OpenIcs.Record.Identity;
using OpenIcs.Record.Search;

namespace OpenIcs.Record;

/// <summary>A resource checked and indexed above the store seam, ready to be written by either store: its type and id,
/// stored form, search index, content hash and NHS numbers.</summary>
/// <remarks>The stored form of a first version is written while the resource is prepared (in parallel, ahead of the
/// writer), with a place for the time it is stored; the JSON as a tree is read again only when another version or id is
/// wanted. A bulk load then holds a few hundred bytes per waiting resource rather than a parsed document.</remarks>
public sealed class PreparedResource
{
    private readonly byte[] _firstVersion;
    private readonly int _lastUpdatedAt;
    private JsonElement? _json;

    private PreparedResource(string type, string id, byte[] firstVersion, SearchIndex index, long hash, IReadOnlyList<string> nhsNumbers)
    {
        Type = type;
        Id = id;
        _firstVersion = firstVersion;
        _lastUpdatedAt = firstVersion.AsSpan().IndexOf(LastUpdatedProperty) + LastUpdatedProperty.Length;
        Index = index;
        Hash = hash;
        NhsNumbers = nhsNumbers;
    }

    private static ReadOnlySpan<byte> LastUpdatedProperty => "\"lastUpdated\":\""u8;

    /// <summary>The resource type.</summary>
    public string Type { get; }

    /// <summary>The logical id.</summary>
    public string Id { get; }

    /// <summary>The resource JSON (a private copy, safe to keep), as stored at version 1 (its time aside).</summary>
    public JsonElement Json => _json ??= ParseFirstVersion();

    /// <summary>The search-index rows.</summary>
    public SearchIndex Index { get; }

    /// <summary>The content hash of the JSON as received.</summary>
    public long Hash { get; }

    /// <summary>For a Patient, the NHS numbers it carries (valid by construction).</summary>
    public IReadOnlyList<string> NhsNumbers { get; }

    /// <summary>Checks and indexes <paramref name="json"/>: a JSON object with a supported <c>resourceType</c> (equal to
    /// <paramref name="expectedType"/> when given) and a valid id (<paramref name="id"/> when given replaces it).</summary>
    public static Outcome<PreparedResource> From(ReadOnlyMemory<byte> json, string? expectedType = null, string? id = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return RecordError.Invalid($"The resource is not valid JSON: {e.Message}",
                e.LineNumber is { } line ? $"line {line + 1}, position {e.BytePositionInLine + 1}" : null);
        }

        using (document)
            return From(json.Span, document.RootElement, expectedType, id);
    }

    private static Outcome<PreparedResource> From(ReadOnlySpan<byte> json, JsonElement root, string? expectedType, string? id)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return RecordError.Invalid("A resource must be a JSON object.");
        if (!root.TryGetProperty("resourceType"u8, out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            return RecordError.Invalid("The resource has no resourceType.");
        var type = typeElement.GetString()!;
        if (expectedType is not null && type != expectedType)
            return RecordError.Invalid($"The resource is of type {type} but {expectedType} was expected here.", "resourceType");
        if (!RecordTypes.IsSupported(type))
            return RecordError.NotFound($"'{type}' is not a resource type this record stores ({string.Join(", ", RecordTypes.InLoadOrder)}).");

        if (id is null)
        {
            if (!root.TryGetProperty("id"u8, out var idElement) || idElement.ValueKind != JsonValueKind.String)
                return RecordError.Invalid($"The {type} has no id.", "id");
            id = idElement.GetString()!;
        }

        if (!RecordTypes.IsValidId(id))
            return RecordError.Invalid($"'{id}' is not a valid id: use 1-64 letters, digits, '-' and '.'.", "id");

        List<string>? nhsNumbers = null;
        if (type == "Patient" && root.TryGetProperty("identifier"u8, out var identifiers) && identifiers.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var identifier in identifiers.EnumerateArray())
            {
                if (identifier.ValueKind == JsonValueKind.Object && identifier.TryGetProperty("system"u8, out var system)
                    && system.ValueKind == JsonValueKind.String && system.ValueEquals(NhsNumber.System))
                {
                    var value = identifier.TryGetProperty("value"u8, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                    if (!NhsNumber.TryParse(value, out var number))
                        return RecordError.Unprocessable(NhsNumber.Rule(value), $"Patient.identifier[{index}].value");
                    nhsNumbers ??= new List<string>(1);
                    if (!nhsNumbers.Contains(number.Digits))
                        nhsNumbers.Add(number.Digits);
                }

                index++;
            }
        }

        return new PreparedResource(type, id, ResourceBody.Stamp(root, id, 1, DateTimeOffset.UnixEpoch), SearchIndexer.Index(type, id, root),
            ResourceBody.Hash(json), nhsNumbers ?? (IReadOnlyList<string>)[]);
    }

    /// <summary>The stored form of this resource as <paramref name="version"/> of <paramref name="id"/>, last updated
    /// <paramref name="lastUpdated"/>, with references in <paramref name="renamed"/> rewritten.</summary>
    /// <remarks>For the first version under its own id, this is the resource's own buffer with the time written in: no
    /// copy, since a bulk load keeps every waiting body until its batch is written. Stamping again rewrites that time
    /// (a retried batch), so the result belongs to one write at a time.</remarks>
    public byte[] Stamp(string id, int version, DateTimeOffset lastUpdated, IReadOnlyDictionary<string, string>? renamed = null)
    {
        if (version != 1 || id != Id || renamed is { Count: > 0 })
            return ResourceBody.Stamp(Json, id, version, lastUpdated, renamed);
        ResourceBody.WriteInstant(lastUpdated, _firstVersion.AsSpan(_lastUpdatedAt));
        return _firstVersion;
    }

    private JsonElement ParseFirstVersion()
    {
        var reader = new Utf8JsonReader(_firstVersion);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>Every relative reference (<c>Type/id</c>) anywhere in the resource, for integrity checks.</summary>
    public IReadOnlyCollection<(string Type, string Id)> LocalReferences()
    {
        var found = new HashSet<(string, string)>();
        Collect(Json, found);
        return found;
    }

    private static void Collect(JsonElement element, HashSet<(string, string)> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("reference"u8) && property.Value.ValueKind == JsonValueKind.String
                        && ReferenceParser.TryParse(property.Value.GetString(), out var type, out var id) && type is not null)
                        found.Add((type, id));
                    else
                        Collect(property.Value, found);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, found);
                break;
        }
    }
}
