using System.Globalization;

namespace OpenIcs.Record.Search;

/// <summary>Reads the parts of search values: prefixes, <c>system|code</c> tokens and quantities.</summary>
public static class SearchValues
{
    /// <summary>The prefix of a date or quantity value (eq when none) and the rest.</summary>
    public static (SearchPrefix Prefix, string Value) SplitPrefix(string value)
    {
        if (value.Length > 2 && char.IsAsciiLetterLower(value[0]) && char.IsAsciiLetterLower(value[1]))
        {
            SearchPrefix? prefix = value[..2] switch
            {
                "eq" => SearchPrefix.Eq, "ne" => SearchPrefix.Ne, "gt" => SearchPrefix.Gt, "lt" => SearchPrefix.Lt,
                "ge" => SearchPrefix.Ge, "le" => SearchPrefix.Le, "sa" => SearchPrefix.Sa, "eb" => SearchPrefix.Eb,
                "ap" => SearchPrefix.Ap, _ => null,
            };
            if (prefix is { } p)
                return (p, value[2..]);
        }

        return (SearchPrefix.Eq, value);
    }

    /// <summary>A token value: <c>code</c> (system null: any), <c>system|code</c>, <c>|code</c> (system ""), <c>system|</c>
    /// (code null: any code in the system).</summary>
    public static (string? System, string? Code) SplitToken(string value)
    {
        var bar = IndexOfUnescaped(value, '|');
        if (bar < 0)
            return (null, Unescape(value));
        var code = value[(bar + 1)..];
        return (Unescape(value[..bar]), code.Length == 0 ? null : Unescape(code));
    }

    /// <summary>A quantity value: prefix, number, the range its precision implies, system and code (null: any).</summary>
    public static QuantitySearch? ParseQuantity(string value)
    {
        var (prefix, rest) = SplitPrefix(value);
        var parts = rest.Split('|');
        if (parts.Length is not (1 or 3) || !decimal.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return null;
        var decimals = parts[0].Contains('.', StringComparison.Ordinal) ? parts[0].Length - parts[0].IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        var half = 0.5m * (decimal)Math.Pow(10, -decimals);
        string? system = parts.Length == 3 && parts[1].Length > 0 ? parts[1] : null;
        string? code = parts.Length == 3 && parts[2].Length > 0 ? parts[2] : null;
        return new QuantitySearch(prefix, (double)number, (double)(number - half), (double)(number + half), system, code);
    }

    private static int IndexOfUnescaped(string value, char c)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
                i++;
            else if (value[i] == c)
                return i;
        }

        return -1;
    }

    private static string Unescape(string value) =>
        value.Replace("\\|", "|", StringComparison.Ordinal).Replace("\\$", "$", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
}

/// <summary>A parsed quantity search value.</summary>
/// <param name="Prefix">The comparison.</param>
/// <param name="Value">The number.</param>
/// <param name="Low">The bottom of the range its precision implies (inclusive).</param>
/// <param name="High">The top of that range (exclusive).</param>
/// <param name="System">The unit system, or null for any.</param>
/// <param name="Code">The unit code, or null for any.</param>
public sealed record QuantitySearch(SearchPrefix Prefix, double Value, double Low, double High, string? System, string? Code);
