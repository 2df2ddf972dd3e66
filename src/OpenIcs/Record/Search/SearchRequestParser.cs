using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;

namespace OpenIcs.Record.Search;

/// <summary>Reads a FHIR search query string into a <see cref="SearchRequest"/>, checking every parameter against the
/// <see cref="SearchParameterCatalog"/>. Unknown parameters are ignored, or rejected when <c>strict</c>
/// (<c>Prefer: handling=strict</c>); unknown modifiers and malformed values are always rejected.</summary>
public static class SearchRequestParser
{
    private static readonly HashSet<string> Ignorable = new(StringComparer.Ordinal) { "_format", "_pretty" };

    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal)
    {
        "missing", "exact", "contains", "not", "above", "below", "identifier", "text", "in", "not-in", "of-type", "iterate",
    };

    /// <summary>Parses <paramref name="query"/> (decoded name and value pairs, repeats allowed) for <paramref name="type"/>.</summary>
    public static Outcome<SearchRequest> Parse(string type, IEnumerable<KeyValuePair<string, string>> query, bool strict)
    {
        var clauses = new List<SearchClause>();
        var sort = new List<SortKey>();
        var includes = new List<IncludeSpec>();
        var revIncludes = new List<IncludeSpec>();
        var ignored = new List<string>();
        var count = SearchRequest.DefaultCount;
        var summary = SummaryMode.None;
        IReadOnlyList<string>? elements = null;
        var totalAccurate = false;
        string? cursorText = null;

        foreach (var (key, value) in query)
        {
            switch (key)
            {
                case "_count":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 0)
                        return RecordError.Invalid($"_count '{value}' is not a whole number from 0.");
                    count = Math.Min(count, SearchRequest.MaxCount);
                    continue;
                case "_sort":
                    foreach (var item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        var descending = item.StartsWith('-');
                        var name = descending ? item[1..] : item;
                        if (SearchParameterCatalog.Find(type, name) is not { } parameter || parameter.Type == SearchParamType.Reference)
                            return RecordError.Invalid($"_sort '{name}' is not a sortable search parameter of {type}.");
                        sort.Add(new SortKey(parameter, descending));
                    }

                    continue;
                case "_include" or "_revinclude" or "_include:iterate" or "_revinclude:iterate":
                    var reverse = key.StartsWith("_revinclude", StringComparison.Ordinal);
                    var include = ParseInclude(value, key.EndsWith(":iterate", StringComparison.Ordinal), reverse, type);
                    if (!include.Succeeded)
                        return include.Error!;
                    (reverse ? revIncludes : includes).Add(include.Value!);
                    continue;
                case "_summary":
                    summary = value switch
                    {
                        "true" => SummaryMode.True,
                        "text" => SummaryMode.Text,
                        "data" => SummaryMode.Data,
                        "count" => SummaryMode.Count,
                        "false" => SummaryMode.None,
                        _ => (SummaryMode)(-1),
                    };
                    if ((int)summary < 0)
                        return RecordError.Invalid($"_summary '{value}' is not one of true, text, data, count, false.");
                    continue;
                case "_elements":
                    elements = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    continue;
                case "_total":
                    if (value is not ("none" or "estimate" or "accurate"))
                        return RecordError.Invalid($"_total '{value}' is not one of none, estimate, accurate.");
                    totalAccurate = value == "accurate";
                    continue;
                case "_cursor":
                    cursorText = value;
                    continue;
            }

            if (Ignorable.Contains(key))
                continue;
            var clause = ParseClause(type, key, value);
            if (clause.Succeeded)
            {
                clauses.Add(clause.Value!);
            }
            else if (clause.Error!.Issue == OperationOutcome.IssueType.NotSupported && !strict)
            {
                ignored.Add(key);
            }
            else
            {
                return clause.Error;
            }
        }

        SearchCursor? after = null;
        if (cursorText is not null && !SearchCursor.TryDecode(cursorText, sort, out after))
            return RecordError.Invalid("_cursor is not a paging position this server made for this search: follow the links it returns.");
        return new SearchRequest(type, clauses, sort, count, includes, revIncludes, summary, elements, totalAccurate, after, ignored);
    }

    /// <summary>Parses one <c>name[:modifier][.chain]=value</c> of <paramref name="type"/>.</summary>
    public static Outcome<SearchClause> ParseClause(string type, string key, string value)
    {
        var dot = key.IndexOf('.');
        var head = dot < 0 ? key : key[..dot];
        var colon = head.IndexOf(':');
        var name = colon < 0 ? head : head[..colon];
        var modifier = colon < 0 ? null : head[(colon + 1)..];
        if (SearchParameterCatalog.Find(type, name) is not { } parameter)
            return RecordError.NotSupported($"'{name}' is not a search parameter of {type} that this server supports.");

        if (modifier is not null && !Modifiers.Contains(modifier)
            && !(parameter.Type == SearchParamType.Reference && RecordTypes.IsSupported(modifier)))
            return RecordError.Invalid($"':{modifier}' is not a modifier this server understands for '{name}'.");
        if (modifier is "missing" && value is not ("true" or "false"))
            return RecordError.Invalid($"'{key}' takes true or false, not '{value}'.");

        var values = SplitValues(value);
        if (values.Count == 0 || values.Any(v => v.Length == 0))
            return RecordError.Invalid($"'{key}' has an empty value.");
        if (dot < 0)
            return CheckValues(parameter, modifier, values, key) ?? new Outcome<SearchClause>(new SearchClause(parameter, modifier, values), null);

        // A chain: the reference's target types (narrowed by a type modifier) that define the chained parameter.
        if (parameter.Type != SearchParamType.Reference)
            return RecordError.Invalid($"'{name}' is not a reference, so it cannot be chained in '{key}'.");
        var rest = key[(dot + 1)..];
        var candidates = modifier is not null && RecordTypes.IsSupported(modifier) ? [modifier] : parameter.Targets.Where(RecordTypes.IsSupported).ToList();
        var chained = new List<(string Type, SearchClause Clause)>();
        foreach (var target in candidates)
        {
            var clause = ParseClause(target, rest, value);
            if (clause.Succeeded)
                chained.Add((target, clause.Value!));
            else if (clause.Error!.Issue != OperationOutcome.IssueType.NotSupported)
                return clause.Error;
        }

        if (chained.Count == 0)
            return RecordError.NotSupported($"'{rest}' is not a search parameter of any type '{name}' can point to ({string.Join(", ", candidates)}).");
        // The chained clause is parsed per type; the SQL matches on parameter name, which the types share.
        return new SearchClause(parameter, modifier, values, new ChainedClause(chained.Select(c => c.Type).ToList(), chained[0].Clause));
    }

    private static Outcome<SearchClause>? CheckValues(SearchParameter parameter, string? modifier, IReadOnlyList<string> values, string key)
    {
        if (modifier == "missing")
            return null;
        foreach (var value in values)
        {
            switch (parameter.Type)
            {
                case SearchParamType.Date:
                    var (_, date) = SearchValues.SplitPrefix(value);
                    if (!DateRange.TryParse(date, out _))
                        return RecordError.Invalid($"'{key}={value}': '{date}' is not a FHIR date (e.g. 2020, 2020-03, 2020-03-04, 2020-03-04T10:00:00Z).");
                    break;
                case SearchParamType.Quantity:
                    if (SearchValues.ParseQuantity(value) is null)
                        return RecordError.Invalid($"'{key}={value}' is not a quantity: [prefix]number[|system|code].");
                    break;
            }
        }

        return null;
    }

    private static Outcome<IncludeSpec> ParseInclude(string value, bool iterate, bool reverse, string searchType)
    {
        var parts = value.Split(':');
        if (parts.Length is < 2 or > 3 || !RecordTypes.IsSupported(parts[0]))
            return RecordError.Invalid($"'{value}' is not an include: use Type:parameter[:TargetType] with a type this server stores.");
        if (!reverse && !iterate && parts[0] != searchType)
            return RecordError.Invalid($"_include '{value}' must start with the searched type {searchType} (or use _include:iterate).");
        SearchParameter? parameter = null;
        if (parts[1] != "*")
        {
            parameter = SearchParameterCatalog.Find(parts[0], parts[1]);
            if (parameter is not { Type: SearchParamType.Reference })
                return RecordError.Invalid($"'{parts[1]}' is not a reference search parameter of {parts[0]}.");
        }

        var target = parts.Length == 3 ? parts[2] : null;
        if (target is not null && !RecordTypes.IsSupported(target))
            return RecordError.Invalid($"'{target}' in '{value}' is not a resource type this server stores.");
        return new IncludeSpec(parts[0], parameter, target, iterate);
    }

    /// <summary>Splits on unescaped commas and removes the escapes (<c>\,</c> <c>\|</c> <c>\$</c> <c>\\</c> stay as data).</summary>
    public static IReadOnlyList<string> SplitValues(string value)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length && value[i + 1] == ',')
            {
                current.Append(',');
                i++;
            }
            else if (value[i] == ',')
            {
                result.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(value[i]);
            }
        }

        result.Add(current.ToString());
        return result;
    }
}
