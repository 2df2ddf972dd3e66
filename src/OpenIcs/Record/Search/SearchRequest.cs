namespace OpenIcs.Record.Search;

/// <summary>The comparison a date, number or quantity search value carries (FHIR R4 search prefixes).</summary>
public enum SearchPrefix
{
    /// <summary>eq: the value's range contains the target's.</summary>
    Eq,

    /// <summary>ne: it does not.</summary>
    Ne,

    /// <summary>gt: the target goes above the value.</summary>
    Gt,

    /// <summary>lt: the target goes below the value.</summary>
    Lt,

    /// <summary>ge: gt or eq.</summary>
    Ge,

    /// <summary>le: lt or eq.</summary>
    Le,

    /// <summary>sa: the target starts after the value.</summary>
    Sa,

    /// <summary>eb: the target ends before the value.</summary>
    Eb,

    /// <summary>ap: approximately (within 10%).</summary>
    Ap,
}

/// <summary>One search parameter in a request, ANDed with the others: its parameter, modifier, values (ORed) and,
/// for a chained reference, the clause applied to the referenced resources.</summary>
/// <param name="Parameter">The parameter searched.</param>
/// <param name="Modifier">The modifier after ':' (e.g. <c>exact</c>, <c>not</c>, <c>missing</c>, a type), or null.</param>
/// <param name="Values">The comma-separated values, any of which may match.</param>
/// <param name="Chain">For <c>subject:Patient.identifier=…</c>, the target types and the clause on them.</param>
public sealed record SearchClause(SearchParameter Parameter, string? Modifier, IReadOnlyList<string> Values, ChainedClause? Chain = null)
{
    /// <summary>The text of the clause as a URL query parameter, for links.</summary>
    public string Key => Parameter.Name + (Modifier is null ? "" : ":" + Modifier) + (Chain is null ? "" : "." + Chain.Clause.Key);
}

/// <summary>The part of a chained search that applies to the referenced resources.</summary>
/// <param name="TargetTypes">The types the reference may point to for this chain.</param>
/// <param name="Clause">The clause they must meet (its parameter belongs to each of <paramref name="TargetTypes"/>).</param>
public sealed record ChainedClause(IReadOnlyList<string> TargetTypes, SearchClause Clause);

/// <summary>One key of <c>_sort</c>.</summary>
public sealed record SortKey(SearchParameter Parameter, bool Descending);

/// <summary>An <c>_include</c> or <c>_revinclude</c>: <c>Source:param[:Target]</c>, optionally iterated.</summary>
public sealed record IncludeSpec(string SourceType, SearchParameter? Parameter, string? TargetType, bool Iterate)
{
    /// <summary>The text for links.</summary>
    public string Text => $"{SourceType}:{Parameter?.Name ?? "*"}" + (TargetType is null ? "" : ":" + TargetType);
}

/// <summary>Which parts of each resource to return.</summary>
public enum SummaryMode
{
    /// <summary>Everything (<c>_summary=false</c>, the default).</summary>
    None,

    /// <summary><c>_summary=true</c>: the elements marked as summary.</summary>
    True,

    /// <summary><c>_summary=text</c>: text, id, meta and mandatory elements.</summary>
    Text,

    /// <summary><c>_summary=data</c>: everything but the narrative.</summary>
    Data,

    /// <summary><c>_summary=count</c>: only the total.</summary>
    Count,
}

/// <summary>A parsed FHIR search over one resource type.</summary>
/// <param name="Type">The resource type searched.</param>
/// <param name="Clauses">The parameters, all of which must match.</param>
/// <param name="Sort">The <c>_sort</c> keys; empty for the stable default order (order of first storage).</param>
/// <param name="Count">The page size.</param>
/// <param name="Includes">The <c>_include</c>s.</param>
/// <param name="RevIncludes">The <c>_revinclude</c>s.</param>
/// <param name="Summary">The <c>_summary</c> mode.</param>
/// <param name="Elements">The <c>_elements</c> to return, or null for all.</param>
/// <param name="TotalAccurate">True when <c>_total=accurate</c> asks for the exact total.</param>
/// <param name="After">Where the previous page ended (<c>_cursor</c>), or null for the first page.</param>
/// <param name="Ignored">Parameters not understood and ignored (lenient handling), for the caller's information.</param>
public sealed record SearchRequest(
    string Type,
    IReadOnlyList<SearchClause> Clauses,
    IReadOnlyList<SortKey> Sort,
    int Count,
    IReadOnlyList<IncludeSpec> Includes,
    IReadOnlyList<IncludeSpec> RevIncludes,
    SummaryMode Summary,
    IReadOnlyList<string>? Elements,
    bool TotalAccurate,
    SearchCursor? After,
    IReadOnlyList<string> Ignored)
{
    /// <summary>The default page size.</summary>
    public const int DefaultCount = 20;

    /// <summary>The largest page size served.</summary>
    public const int MaxCount = 1000;

    /// <summary>A search for every resource of <paramref name="type"/> matching <paramref name="clauses"/>.</summary>
    public static SearchRequest Of(string type, params SearchClause[] clauses) =>
        new(type, clauses, [], DefaultCount, [], [], SummaryMode.None, null, false, null, []);
}
