namespace OpenIcs.Record.Search;

/// <summary>A token value: <c>system|code</c> (system "" when the value has none).</summary>
public readonly record struct TokenValue(string Param, string System, string Code);

/// <summary>A string value, folded for matching (<see cref="TextFolding"/>) and as written (for <c>:exact</c>).</summary>
public readonly record struct StringValue(string Param, string Folded, string Exact);

/// <summary>A date value as a span of Unix milliseconds (exclusive end).</summary>
public readonly record struct DateValue(string Param, long Low, long High);

/// <summary>A reference value: the target's type and id for relative references; type null and the URL as the id
/// for absolute and canonical references.</summary>
public readonly record struct ReferenceValue(string Param, string? TargetType, string TargetId);

/// <summary>A quantity value (or range: low and high) with its unit system and code ("" when absent).</summary>
public readonly record struct QuantityValue(string Param, string System, string Code, double Low, double High);

/// <summary>Everything a resource contributes to the search tables, computed once above the store seam so that both
/// stores only write rows.</summary>
/// <remarks><c>Patient</c> is the id of the Patient whose record this belongs to (its compartment), or null.</remarks>
public sealed record SearchIndex(
    IReadOnlyList<TokenValue> Tokens,
    IReadOnlyList<StringValue> Strings,
    IReadOnlyList<DateValue> Dates,
    IReadOnlyList<ReferenceValue> References,
    IReadOnlyList<QuantityValue> Quantities,
    string? Patient)
{
    /// <summary>How many index rows the resource adds.</summary>
    public int RowCount => Tokens.Count + Strings.Count + Dates.Count + References.Count + Quantities.Count;
}
