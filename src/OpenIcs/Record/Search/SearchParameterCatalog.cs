using System.Collections.Frozen;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;

namespace OpenIcs.Record.Search;

/// <summary>A search parameter the record supports on one resource type, with its compiled paths.</summary>
/// <param name="ResourceType">The resource type it searches.</param>
/// <param name="Name">Its code in URLs, e.g. <c>birthdate</c>.</param>
/// <param name="Type">Token, string, date, reference, quantity or uri.</param>
/// <param name="Paths">Where its values are in the resource (empty for <c>_id</c> and <c>_lastUpdated</c>).</param>
/// <param name="Targets">For references, the resource types it may point to.</param>
/// <param name="Expression">The published FHIRPath, for the CapabilityStatement.</param>
public sealed record SearchParameter(
    string ResourceType, string Name, SearchParamType Type, IReadOnlyList<ElementPath> Paths, IReadOnlyList<string> Targets,
    string Expression)
{
    /// <summary>True for parameters answered from the resource table itself rather than an index table.</summary>
    public bool IsResourceColumn => Name is "_id" or "_lastUpdated";

    /// <summary>For a parameter whose values are exactly those of others (<c>combo-code</c> is <c>code</c> and
    /// <c>component-code</c>; <c>patient</c> is <c>subject</c> pointing at a Patient), the parameters whose index rows
    /// answer it; it stores no rows of its own. Null for a parameter with its own rows.</summary>
    public IReadOnlyList<string>? StoredAs { get; init; }

    /// <summary>For an alias of a reference parameter: the target type its rows must have, or null.</summary>
    public string? TargetFilter { get; init; }

    /// <summary>The names whose rows hold this parameter's values.</summary>
    public IReadOnlyList<string> RowNames => StoredAs ?? [Name];
}

/// <summary>The search parameters of every supported resource type: the R4 published ones whose expressions compile,
/// plus <c>_id</c>, <c>_lastUpdated</c>, <c>_tag</c>, <c>_profile</c> and <c>_security</c>.</summary>
public static class SearchParameterCatalog
{
    private static readonly SearchParamType[] Indexed =
        [SearchParamType.Token, SearchParamType.String, SearchParamType.Date, SearchParamType.Reference, SearchParamType.Quantity, SearchParamType.Uri];

    // Declared after Indexed: static fields initialise in order.
    private static readonly FrozenDictionary<string, FrozenDictionary<string, SearchParameter>> ByType = Build();

    // Per type, every (parameter, path) whose values are stored in index rows: what indexing a resource walks.
    private static readonly FrozenDictionary<string, (SearchParameter Parameter, ElementPath Path)[]> IndexedPathsByType =
        ByType.ToFrozenDictionary(t => t.Key,
            t => t.Value.Values.Where(p => p.StoredAs is null).SelectMany(p => p.Paths.Select(path => (p, path))).ToArray(),
            StringComparer.Ordinal);

    /// <summary>Every path of a parameter of <paramref name="resourceType"/> that has index rows of its own, with its
    /// parameter.</summary>
    public static ReadOnlySpan<(SearchParameter Parameter, ElementPath Path)> IndexedPaths(string resourceType) =>
        IndexedPathsByType.TryGetValue(resourceType, out var paths) ? paths : [];

    /// <summary>The parameters of <paramref name="resourceType"/>, by name.</summary>
    public static IReadOnlyDictionary<string, SearchParameter> For(string resourceType) =>
        ByType.TryGetValue(resourceType, out var parameters) ? parameters : FrozenDictionary<string, SearchParameter>.Empty;

    /// <summary>The parameter <paramref name="name"/> of <paramref name="resourceType"/>, or null.</summary>
    public static SearchParameter? Find(string resourceType, string name) =>
        ByType.TryGetValue(resourceType, out var parameters) && parameters.TryGetValue(name, out var parameter) ? parameter : null;

    private static FrozenDictionary<string, FrozenDictionary<string, SearchParameter>> Build()
    {
        var result = new Dictionary<string, FrozenDictionary<string, SearchParameter>>(StringComparer.Ordinal);
        foreach (var type in RecordTypes.InLoadOrder)
        {
            var parameters = new Dictionary<string, SearchParameter>(StringComparer.Ordinal)
            {
                ["_id"] = new(type, "_id", SearchParamType.Token, [], [], "Resource.id"),
                ["_lastUpdated"] = new(type, "_lastUpdated", SearchParamType.Date, [], [], "Resource.meta.lastUpdated"),
            };
            AddCommon(parameters, type, "_tag", SearchParamType.Token, "Resource.meta.tag");
            AddCommon(parameters, type, "_security", SearchParamType.Token, "Resource.meta.security");
            AddCommon(parameters, type, "_profile", SearchParamType.Uri, "Resource.meta.profile");
            foreach (var definition in ModelInfo.SearchParameters.Where(d => d.Resource == type && d.Expression is not null))
            {
                if (definition.Name is null || !Indexed.Contains(definition.Type) || parameters.ContainsKey(definition.Name))
                    continue;
                if (ExpressionCompiler.Compile(type, definition.Expression!) is not { } paths)
                    continue;
                parameters[definition.Name] = new SearchParameter(type, definition.Name, definition.Type, paths,
                    definition.Target?.Select(t => t.GetLiteral()).ToList() ?? [], definition.Expression!);
            }

            result[type] = FindAliases(parameters).ToFrozenDictionary(StringComparer.Ordinal);
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // A parameter whose paths are the union of other parameters' paths (ignoring a reference-type filter) is answered
    // from their rows; storing it too would double the index for nothing (about a fifth of all rows).
    private static Dictionary<string, SearchParameter> FindAliases(Dictionary<string, SearchParameter> parameters)
    {
        static string Key(ElementPath path) => string.Join('.', path.Steps) + ":" + path.LeafType;
        var keys = parameters.Values.ToDictionary(p => p.Name, p => p.Paths.Select(Key).ToHashSet(StringComparer.Ordinal));
        var result = new Dictionary<string, SearchParameter>(parameters, StringComparer.Ordinal);
        foreach (var parameter in parameters.Values.Where(p => p.Paths.Count > 0))
        {
            var targets = parameter.Paths.Select(p => p.ReferenceTarget).Distinct().ToList();
            if (targets.Count != 1)
                continue;
            var target = targets[0];
            var own = keys[parameter.Name];
            var parts = parameters.Values
                .Where(q => q.Name != parameter.Name && q.Type == parameter.Type && q.Paths.Count > 0 && q.Paths.All(p => p.ReferenceTarget is null)
                    && q.Name != "phonetic" && parameter.Name != "phonetic"
                    && keys[q.Name].IsSubsetOf(own) && (target is not null || !keys[q.Name].SetEquals(own)))
                .ToList();
            if (parts.Count == 0 || !own.SetEquals(parts.SelectMany(q => keys[q.Name])))
                continue;
            // Keep the fewest parameters that still cover every path.
            var chosen = parts.OrderByDescending(q => keys[q.Name].Count).ThenBy(q => q.Name, StringComparer.Ordinal).ToList();
            var covered = new HashSet<string>(StringComparer.Ordinal);
            var names = new List<string>();
            foreach (var q in chosen.Where(q => !keys[q.Name].IsSubsetOf(covered)))
            {
                names.Add(q.Name);
                covered.UnionWith(keys[q.Name]);
            }

            result[parameter.Name] = parameter with { StoredAs = names, TargetFilter = target };
        }

        // An alias must rest on parameters that store rows themselves.
        foreach (var (name, parameter) in result.ToList())
            if (parameter.StoredAs is { } stored && stored.Any(s => result[s].StoredAs is not null))
                result[name] = parameter with { StoredAs = null, TargetFilter = null };
        return result;
    }

    private static void AddCommon(Dictionary<string, SearchParameter> parameters, string type, string name, SearchParamType kind, string expression)
    {
        if (ExpressionCompiler.Compile(type, expression) is { } paths)
            parameters[name] = new SearchParameter(type, name, kind, paths, [], expression);
    }
}
