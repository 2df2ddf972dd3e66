using System.Text.Json;
using Hl7.Fhir.Model;

namespace OpenIcs.Record.Search;

/// <summary>Computes a resource's <see cref="SearchIndex"/> from its JSON, using the compiled parameters of
/// <see cref="SearchParameterCatalog"/>. Stateless and thread-safe.</summary>
public static class SearchIndexer
{
    /// <summary>The index rows of <paramref name="resource"/>, a resource of <paramref name="resourceType"/> with
    /// logical id <paramref name="id"/>.</summary>
    public static SearchIndex Index(string resourceType, string id, JsonElement resource)
    {
        // Indexing runs for every resource written; one set of buffers per thread keeps it from allocating more than the
        // index itself.
        var rows = t_rows ??= new Rows();
        rows.Clear();
        var elements = rows.Elements;
        foreach (var (parameter, path) in SearchParameterCatalog.IndexedPaths(resourceType))
        {
            elements.Clear();
            path.Collect(resource, elements);
            foreach (var element in elements)
            {
                switch (parameter.Type)
                {
                    case SearchParamType.Token or SearchParamType.Uri:
                        AddTokens(parameter.Name, path.LeafType, element, rows.Tokens);
                        break;
                    case SearchParamType.String:
                        AddStrings(parameter.Name, path.LeafType, element, rows.Strings);
                        break;
                    case SearchParamType.Date:
                        AddDates(parameter.Name, path.LeafType, element, rows.Dates);
                        break;
                    case SearchParamType.Reference:
                        AddReference(parameter.Name, path, element, rows.References);
                        break;
                    case SearchParamType.Quantity:
                        AddQuantity(parameter.Name, path.LeafType, element, rows.Quantities);
                        break;
                }
            }
        }

        return new SearchIndex(rows.Tokens.ToArray(), rows.Strings.ToArray(), rows.Dates.ToArray(), rows.References.ToArray(),
            rows.Quantities.ToArray(), Compartment(resourceType, id, rows.References.Values));
    }

    [ThreadStatic]
    private static Rows? t_rows;

    [ThreadStatic]
    private static RecentValues<string>? t_strings;

    [ThreadStatic]
    private static RecentValues<(bool Parsed, string? Type, string Id)>? t_references;

    [ThreadStatic]
    private static RecentValues<DateRange?>? t_dates;

    // A JSON string's text, shared with earlier resources where it recurs.
    private static string Text(JsonElement element) => (t_strings ??= new()).Get(element, static e => e.GetString()!);

    /// <summary>The rows found so far for one resource: a value is kept once (a resource has a few dozen at most, so a
    /// list search is quicker than a hash set).</summary>
    private sealed class Rows
    {
        public List<JsonElement> Elements { get; } = [];
        public Distinct<TokenValue> Tokens { get; } = new();
        public Distinct<StringValue> Strings { get; } = new();
        public Distinct<DateValue> Dates { get; } = new();
        public Distinct<ReferenceValue> References { get; } = new();
        public Distinct<QuantityValue> Quantities { get; } = new();

        public void Clear()
        {
            Tokens.Clear();
            Strings.Clear();
            Dates.Clear();
            References.Clear();
            Quantities.Clear();
        }
    }

    private sealed class Distinct<T> where T : IEquatable<T>
    {
        private readonly List<T> _values = [];

        public IReadOnlyList<T> Values => _values;

        public void Add(T value)
        {
            if (!_values.Contains(value))
                _values.Add(value);
        }

        public void Clear() => _values.Clear();

        public T[] ToArray() => _values.ToArray();
    }

    /// <summary>The Patient a resource belongs to: itself for a Patient, else the target of its <c>patient</c>
    /// parameter (whose rows may be stored under another name, e.g. <c>subject</c>).</summary>
    private static string? Compartment(string resourceType, string id, IReadOnlyList<ReferenceValue> references)
    {
        if (resourceType == "Patient")
            return id;
        if (SearchParameterCatalog.Find(resourceType, "patient") is not { } patient)
            return null;
        foreach (var reference in references)
            if (reference.TargetType == "Patient" && patient.RowNames.Contains(reference.Param))
                return reference.TargetId;
        return null;
    }

    private static void AddTokens(string param, string leafType, JsonElement element, Distinct<TokenValue> tokens)
    {
        switch (leafType)
        {
            case "CodeableConcept":
                if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("coding"u8, out var codings)
                    && codings.ValueKind == JsonValueKind.Array)
                    foreach (var coding in codings.EnumerateArray())
                        AddCoding(param, coding, "code"u8, tokens);
                break;
            case "Coding":
                AddCoding(param, element, "code"u8, tokens);
                break;
            case "Identifier" or "ContactPoint":
                AddCoding(param, element, "value"u8, tokens);
                break;
            default:
                if (element.ValueKind == JsonValueKind.String && Text(element) is { Length: > 0 } text)
                    tokens.Add(new TokenValue(param, "", text));
                else if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    tokens.Add(new TokenValue(param, "", element.ValueKind == JsonValueKind.True ? "true" : "false"));
                break;
        }
    }

    private static void AddCoding(string param, JsonElement element, ReadOnlySpan<byte> codeName, Distinct<TokenValue> tokens)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(codeName, out var code)
            || code.ValueKind != JsonValueKind.String || Text(code) is not { Length: > 0 } value)
            return;
        var system = element.TryGetProperty("system"u8, out var s) && s.ValueKind == JsonValueKind.String ? Text(s) : "";
        tokens.Add(new TokenValue(param, system, value));
    }

    private static readonly byte[][] NameParts = [.. new[] { "family", "given", "prefix", "suffix", "text" }.Select(System.Text.Encoding.UTF8.GetBytes)];
    private static readonly byte[][] AddressParts =
        [.. new[] { "line", "city", "district", "state", "postalCode", "country", "text" }.Select(System.Text.Encoding.UTF8.GetBytes)];

    private static void AddStrings(string param, string leafType, JsonElement element, Distinct<StringValue> strings)
    {
        switch (leafType)
        {
            case "HumanName":
                foreach (var text in Parts(element, NameParts))
                {
                    if (param == "phonetic")
                    {
                        if (TextFolding.Soundex(text) is { Length: > 0 } key)
                            strings.Add(new StringValue(param, key, key));
                    }
                    else
                    {
                        AddString(param, text, strings);
                    }
                }

                break;
            case "Address":
                foreach (var text in Parts(element, AddressParts))
                    AddString(param, text, strings);
                break;
            default:
                if (element.ValueKind == JsonValueKind.String && element.GetString() is { } value)
                    AddString(param, value, strings);
                break;
        }
    }

    private static void AddString(string param, string text, Distinct<StringValue> strings)
    {
        var folded = TextFolding.Fold(text);
        if (folded.Length > 0)
            strings.Add(new StringValue(param, folded, text.Length > TextFolding.MaxLength ? text[..TextFolding.MaxLength] : text));
    }

    private static IEnumerable<string> Parts(JsonElement element, byte[][] names)
    {
        if (element.ValueKind != JsonValueKind.Object)
            yield break;
        foreach (var name in names)
        {
            if (!element.TryGetProperty(name, out var value))
                continue;
            if (value.ValueKind == JsonValueKind.String)
                yield return value.GetString()!;
            else if (value.ValueKind == JsonValueKind.Array)
                foreach (var item in value.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.String)
                        yield return item.GetString()!;
        }
    }

    private static void AddDates(string param, string leafType, JsonElement element, Distinct<DateValue> dates)
    {
        switch (leafType)
        {
            case "Period":
                if (element.ValueKind != JsonValueKind.Object)
                    return;
                var low = element.TryGetProperty("start"u8, out var start) && DateOf(start) is { } s ? s.Low : long.MinValue;
                var high = element.TryGetProperty("end"u8, out var end) && DateOf(end) is { } e ? e.High : DateRange.Open;
                if (low != long.MinValue || high != DateRange.Open)
                    dates.Add(new DateValue(param, low, high));
                break;
            case "Timing":
                if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("event"u8, out var events)
                    && events.ValueKind == JsonValueKind.Array)
                    foreach (var item in events.EnumerateArray())
                        if (DateOf(item) is { } range)
                            dates.Add(new DateValue(param, range.Low, range.High));
                break;
            default:
                if (DateOf(element) is { } value)
                    dates.Add(new DateValue(param, value.Low, value.High));
                break;
        }
    }

    private static DateRange? DateOf(JsonElement element) =>
        element.ValueKind != JsonValueKind.String ? null
        : (t_dates ??= new()).Get(element, static e => DateRange.TryParse(e.GetString(), out var range) ? range : null);

    private static void AddReference(string param, ElementPath path, JsonElement element, Distinct<ReferenceValue> references)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            // canonical and uri targets are kept whole.
            if (element.GetString() is { Length: > 0 } url)
                references.Add(new ReferenceValue(param, null, url));
            return;
        }

        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("reference"u8, out var value)
            || value.ValueKind != JsonValueKind.String)
            return;
        var (parsed, type, id) = (t_references ??= new()).Get(value,
            static e => ReferenceParser.TryParse(e.GetString(), out var type, out var id) ? (true, type, id) : (false, null, ""));
        if (!parsed)
            return;
        if (path.ReferenceTarget is not null && type != path.ReferenceTarget)
            return;
        references.Add(new ReferenceValue(param, type, id));
    }

    private static void AddQuantity(string param, string leafType, JsonElement element, Distinct<QuantityValue> quantities)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return;
        if (leafType == "Range")
        {
            var low = element.TryGetProperty("low"u8, out var l) ? QuantityOf(l) : null;
            var high = element.TryGetProperty("high"u8, out var h) ? QuantityOf(h) : null;
            if (low is null && high is null)
                return;
            var unit = low ?? high!.Value;
            quantities.Add(new QuantityValue(param, unit.System, unit.Code, low?.Value ?? double.NegativeInfinity,
                high?.Value ?? double.PositiveInfinity));
            return;
        }

        if (QuantityOf(element) is { } quantity)
            quantities.Add(new QuantityValue(param, quantity.System, quantity.Code, quantity.Value, quantity.Value));
    }

    private static (double Value, string System, string Code)? QuantityOf(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("value"u8, out var v) || v.ValueKind != JsonValueKind.Number)
            return null;
        var system = element.TryGetProperty("system"u8, out var s) && s.ValueKind == JsonValueKind.String ? Text(s) : "";
        var code = element.TryGetProperty("code"u8, out var c) && c.ValueKind == JsonValueKind.String ? Text(c)
            : element.TryGetProperty("unit"u8, out var u) && u.ValueKind == JsonValueKind.String ? Text(u) : "";
        return (v.GetDouble(), system, code);
    }
}

/// <summary>Reads FHIR reference strings.</summary>
public static class ReferenceParser
{
    /// <summary>Reads <c>Type/id</c> or <c>Type/id/_history/n</c> (type set), or an absolute URL or URN (type null, the
    /// whole text as id). Contained references (<c>#x</c>) and empty text are not targets.</summary>
    public static bool TryParse(string? reference, out string? type, out string id)
    {
        type = null;
        id = "";
        if (string.IsNullOrEmpty(reference) || reference[0] == '#')
            return false;
        if (reference.Contains(':', StringComparison.Ordinal))
        {
            id = reference;
            return true;
        }

        var parts = reference.Split('/');
        if ((parts.Length == 2 || (parts.Length == 4 && parts[2] == "_history")) && ModelInfo.IsKnownResource(parts[0])
            && RecordTypes.IsValidId(parts[1]))
        {
            type = parts[0];
            id = parts[1];
            return true;
        }

        return false;
    }

}
