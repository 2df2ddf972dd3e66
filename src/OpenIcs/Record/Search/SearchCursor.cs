using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;

namespace OpenIcs.Record.Search;

/// <summary>Where a page of search results ended: the sort values and key of its last resource. The next page starts
/// strictly after it, so pages stay stable while resources are added or removed (keyset paging).</summary>
/// <param name="SortValues">One value per sort key: <see cref="long"/>, <see cref="double"/> or <see cref="string"/>.</param>
/// <param name="Rk">The store key of the last resource, which breaks ties.</param>
public sealed record SearchCursor(IReadOnlyList<object> SortValues, long Rk)
{
    /// <summary>The cursor as URL-safe text for <c>_cursor</c>.</summary>
    public string Encode()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(SortValues.Append(Rk).ToArray());
        return Convert.ToBase64String(json).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a cursor made by <see cref="Encode"/> for a search sorted by <paramref name="sort"/>.</summary>
    public static bool TryDecode(string text, IReadOnlyList<SortKey> sort, out SearchCursor? cursor)
    {
        cursor = null;
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
            var items = json.RootElement.EnumerateArray().ToList();
            if (items.Count != sort.Count + 1)
                return false;
            var values = new List<object>();
            for (var i = 0; i < sort.Count; i++)
                values.Add(SearchSql.SortValueKind(sort[i].Parameter) switch
                {
                    SortValueKind.Whole => items[i].GetInt64(),
                    SortValueKind.Real => items[i].GetDouble(),
                    _ => items[i].GetString() ?? "",
                });
            cursor = new SearchCursor(values, items[^1].GetInt64());
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>The kind of value a sort key compares.</summary>
public enum SortValueKind
{
    /// <summary>Whole numbers (dates as Unix milliseconds, keys).</summary>
    Whole,

    /// <summary>Quantities.</summary>
    Real,

    /// <summary>Text.</summary>
    Text,
}

internal static class SortKinds
{
    public static SortValueKind Of(SearchParamType type) => type switch
    {
        SearchParamType.Date => SortValueKind.Whole,
        SearchParamType.Quantity or SearchParamType.Number => SortValueKind.Real,
        _ => SortValueKind.Text,
    };
}
