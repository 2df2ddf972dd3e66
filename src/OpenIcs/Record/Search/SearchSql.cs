using System.Globalization;
using Hl7.Fhir.Model;

namespace OpenIcs.Record.Search;

/// <summary>Turns search clauses into SQL conditions over the index tables, through a <see cref="RecordQuery"/> (so
/// chained searches apply the caller's access rules to the resources they pass through, too).</summary>
public static class SearchSql
{
    /// <summary>Adds the type, liveness and every clause of <paramref name="request"/> to <paramref name="query"/>.</summary>
    public static RecordError? Apply(RecordQuery query, SearchRequest request, DateTimeOffset now)
    {
        query.Where($"r.type = {query.Add(request.Type)}").Where("r.deleted = 0");
        foreach (var clause in request.Clauses)
        {
            var condition = Condition(query, clause, "r", now);
            if (!condition.Succeeded)
                return condition.Error;
            query.Where(condition.Value!);
        }

        return null;
    }

    /// <summary>The condition that the resource aliased <paramref name="alias"/> meets <paramref name="clause"/>.</summary>
    public static Outcome<string> Condition(RecordQuery query, SearchClause clause, string alias, DateTimeOffset now)
    {
        var parameter = clause.Parameter;
        var modifier = clause.Modifier;
        if (parameter.Name == "_id")
        {
            var ids = query.InList($"{alias}.id", clause.Values);
            return modifier switch { null => ids, "not" => $"NOT ({ids})", "missing" => clause.Values[0] == "true" ? "1 = 0" : "1 = 1", _ => Unsupported(clause) };
        }

        if (parameter.Name == "_lastUpdated")
        {
            if (modifier is not null)
                return Unsupported(clause);
            var at = $"{alias}.last_updated";
            return Any(clause.Values.Select(v => DateCondition(query, v, at, $"({at} + 1)", now)));
        }

        var table = Table(parameter.Type);
        var param = Param(query, parameter, "param", "target_type");
        if (modifier == "missing")
        {
            var exists = $"{alias}.rk IN (SELECT rk FROM {table} WHERE {param})";
            return clause.Values[0] == "true" ? $"NOT ({exists})" : exists;
        }

        if (clause.Chain is { } chain)
        {
            var inner = Condition(query, chain.Clause, "c", now);
            if (!inner.Succeeded)
                return inner;
            return $"""
                {alias}.rk IN (SELECT sr.rk FROM search_reference sr JOIN resource c ON c.type = sr.target_type AND c.id = sr.target_id
                 WHERE {Param(query, parameter, "sr.param", "sr.target_type")} AND {query.InList("c.type", chain.TargetTypes)} AND c.deleted = 0
                   AND {query.VisibleAs("c")} AND {inner.Value})
                """;
        }

        var values = new List<string>();
        foreach (var value in clause.Values)
        {
            var condition = ValueCondition(query, parameter, modifier, value, now);
            if (!condition.Succeeded)
                return condition;
            values.Add(condition.Value!);
        }

        var matches = $"{alias}.rk IN (SELECT rk FROM {table} WHERE {param} AND ({string.Join(" OR ", values)}))";
        return modifier == "not" ? $"NOT ({matches})" : matches;
    }

    private static Outcome<string> ValueCondition(RecordQuery query, SearchParameter parameter, string? modifier, string value, DateTimeOffset now)
    {
        switch (parameter.Type)
        {
            case SearchParamType.Token or SearchParamType.Uri when modifier is null or "not":
                var (system, code) = SearchValues.SplitToken(value);
                if (parameter.Type == SearchParamType.Uri)
                    return $"code = {query.Add(value)}";
                var parts = new List<string>();
                if (code is not null)
                    parts.Add($"code = {query.Add(code)}");
                if (system is not null)
                    parts.Add($"system = {query.Add(system)}");
                return "(" + string.Join(" AND ", parts) + ")";
            case SearchParamType.String when modifier is null:
                if (parameter.Name == "phonetic")
                    return $"folded = {query.Add(TextFolding.Soundex(value))}";
                var folded = TextFolding.Fold(value);
                return folded.Length == 0 ? "1 = 0" : $"(folded >= {query.Add(folded)} AND folded < {query.Add(Successor(folded))})";
            case SearchParamType.String when modifier == "exact":
                return $"(folded = {query.Add(TextFolding.Fold(value))} AND exact = {query.Add(value)})";
            case SearchParamType.String when modifier == "contains":
                return $"folded LIKE {query.Add("%" + EscapeLike(TextFolding.Fold(value)) + "%")} ESCAPE '\\'";
            case SearchParamType.Date when modifier is null:
                return DateCondition(query, value, "low", "high", now);
            case SearchParamType.Quantity when modifier is null:
                return QuantityCondition(query, value);
            case SearchParamType.Reference when modifier is null || RecordTypes.IsSupported(modifier):
                return ReferenceCondition(query, parameter, modifier, value);
            default:
                return RecordError.NotSupported($"'{parameter.Name}:{modifier}' is not supported for a {parameter.Type.ToString().ToLowerInvariant()} parameter.");
        }
    }

    private static Outcome<string> DateCondition(RecordQuery query, string value, string low, string high, DateTimeOffset now)
    {
        var (prefix, text) = SearchValues.SplitPrefix(value);
        if (!DateRange.TryParse(text, out var range))
            return RecordError.Invalid($"'{text}' is not a FHIR date.");
        var s = query.Add(range.Low);
        var e = query.Add(range.High);
        var within = $"({low} >= {s} AND {high} <= {e})";
        switch (prefix)
        {
            case SearchPrefix.Eq: return within;
            case SearchPrefix.Ne: return $"NOT {within}";
            case SearchPrefix.Gt: return $"{high} > {e}";
            case SearchPrefix.Lt: return $"{low} < {s}";
            case SearchPrefix.Ge: return $"({high} > {e} OR {within})";
            case SearchPrefix.Le: return $"({low} < {s} OR {within})";
            case SearchPrefix.Sa: return $"{low} >= {e}";
            case SearchPrefix.Eb: return $"{high} <= {s}";
            default:
                // Approximately: within 10% of the distance from now, and at least a day, either side.
                var gap = Math.Max(86_400_000L, (long)(Math.Abs(now.ToUnixTimeMilliseconds() - range.Low) * 0.1));
                return $"({low} < {query.Add(SafeAdd(range.High, gap))} AND {high} > {query.Add(SafeAdd(range.Low, -gap))})";
        }
    }

    private static Outcome<string> QuantityCondition(RecordQuery query, string value)
    {
        if (SearchValues.ParseQuantity(value) is not { } q)
            return RecordError.Invalid($"'{value}' is not a quantity.");
        var v = query.Add(q.Value);
        var condition = q.Prefix switch
        {
            SearchPrefix.Eq => $"(low >= {query.Add(q.Low)} AND high < {query.Add(q.High)})",
            SearchPrefix.Ne => $"NOT (low >= {query.Add(q.Low)} AND high < {query.Add(q.High)})",
            SearchPrefix.Gt => $"high > {v}",
            SearchPrefix.Lt => $"low < {v}",
            SearchPrefix.Ge => $"high >= {v}",
            SearchPrefix.Le => $"low <= {v}",
            SearchPrefix.Sa => $"low > {v}",
            SearchPrefix.Eb => $"high < {v}",
            _ => $"(low <= {query.Add(q.Value + (Math.Abs(q.Value) * 0.1))} AND high >= {query.Add(q.Value - (Math.Abs(q.Value) * 0.1))})",
        };
        if (q.System is not null)
            condition += $" AND system = {query.Add(q.System)}";
        if (q.Code is not null)
            condition += $" AND code = {query.Add(q.Code)}";
        return "(" + condition + ")";
    }

    private static Outcome<string> ReferenceCondition(RecordQuery query, SearchParameter parameter, string? typeModifier, string value)
    {
        if (ReferenceParser.TryParse(value, out var type, out var id))
        {
            if (type is not null)
                return typeModifier is not null && typeModifier != type
                    ? "1 = 0"
                    : $"(target_type = {query.Add(type)} AND target_id = {query.Add(id)})";
            // An absolute URL: it may be ours (ending Type/id) or a canonical kept whole.
            var segments = value.TrimEnd('/').Split('/');
            var whole = $"(target_type = '' AND target_id = {query.Add(value)})";
            return segments.Length >= 2 && RecordTypes.IsSupported(segments[^2]) && RecordTypes.IsValidId(segments[^1])
                ? $"({whole} OR (target_type = {query.Add(segments[^2])} AND target_id = {query.Add(segments[^1])}))"
                : whole;
        }

        if (!RecordTypes.IsValidId(value))
            return RecordError.Invalid($"'{value}' is not a reference: use Type/id, an id or a URL.");
        var target = typeModifier ?? (parameter.Targets.Count == 1 ? parameter.Targets[0] : null);
        return target is null
            ? $"target_id = {query.Add(value)}"
            : $"(target_type = {query.Add(target)} AND target_id = {query.Add(value)})";
    }

    /// <summary>The kind of value <paramref name="parameter"/> sorts by.</summary>
    public static SortValueKind SortValueKind(SearchParameter parameter) =>
        parameter.Name == "_lastUpdated" ? Search.SortValueKind.Whole : SortKinds.Of(parameter.Type);

    /// <summary>The SQL expression <paramref name="key"/> sorts <c>r</c> by; missing values sort last either way.</summary>
    public static string SortExpression(RecordQuery query, SortKey key)
    {
        var parameter = key.Parameter;
        if (parameter.Name == "_id")
            return "r.id";
        if (parameter.Name == "_lastUpdated")
            return "r.last_updated";
        var param = Param(query, parameter, "x.param", "x.target_type");
        var (column, sentinel) = parameter.Type switch
        {
            SearchParamType.Date => (key.Descending ? "high" : "low", key.Descending ? query.Add(long.MinValue) : query.Add(long.MaxValue)),
            SearchParamType.Quantity => (key.Descending ? "high" : "low", key.Descending ? query.Add(double.MinValue) : query.Add(double.MaxValue)),
            SearchParamType.String => ("folded", key.Descending ? query.Add("") : query.Add("\uFFFF")),
            _ => ("code", key.Descending ? query.Add("") : query.Add("\uFFFF")),
        };
        var aggregate = key.Descending ? "MAX" : "MIN";
        if (parameter.Type == SearchParamType.Date && key.Descending)
            column = "low"; // the latest start reads more naturally than an open end
        return $"COALESCE((SELECT {aggregate}({column}) FROM {Table(parameter.Type)} x WHERE x.rk = r.rk AND {param}), {sentinel})";
    }

    /// <summary>The condition that an index row belongs to <paramref name="parameter"/>: its own name, or the names
    /// of the parameters that store its values (and their target type, for an alias such as <c>patient</c>).</summary>
    public static string Param(RecordQuery query, SearchParameter parameter, string paramColumn, string targetColumn)
    {
        var names = parameter.RowNames;
        var condition = names.Count == 1 ? $"{paramColumn} = {query.Add(names[0])}" : query.InList(paramColumn, names);
        return parameter.TargetFilter is { } target ? $"{condition} AND {targetColumn} = {query.Add(target)}" : condition;
    }

    /// <summary>The index table of a parameter type.</summary>
    public static string Table(SearchParamType type) => type switch
    {
        SearchParamType.Token or SearchParamType.Uri => "search_token",
        SearchParamType.String => "search_string",
        SearchParamType.Date => "search_date",
        SearchParamType.Reference => "search_reference",
        SearchParamType.Quantity => "search_quantity",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "This parameter type has no index table."),
    };

    private static Outcome<string> Any(IEnumerable<Outcome<string>> conditions)
    {
        var parts = new List<string>();
        foreach (var condition in conditions)
        {
            if (!condition.Succeeded)
                return condition;
            parts.Add(condition.Value!);
        }

        return "(" + string.Join(" OR ", parts) + ")";
    }

    private static RecordError Unsupported(SearchClause clause) =>
        RecordError.NotSupported($"'{clause.Key}' uses a modifier this server does not support for that parameter.");

    // The smallest string greater than every string starting with prefix: the last character incremented.
    private static string Successor(string prefix) =>
        prefix[^1] == char.MaxValue ? prefix + char.MaxValue : prefix[..^1] + (char)(prefix[^1] + 1);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static long SafeAdd(long value, long delta) =>
        delta > 0 && value > long.MaxValue - delta ? long.MaxValue : delta < 0 && value < long.MinValue - delta ? long.MinValue : value + delta;

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
