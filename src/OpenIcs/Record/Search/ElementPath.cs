using System.Text.Json;

namespace OpenIcs.Record.Search;

/// <summary>One step of an <see cref="ElementPath"/>: a JSON property, optionally kept only when a child equals a value
/// (FHIRPath <c>where(system='email')</c>).</summary>
public sealed record PathStep(string Json, string? WhereChild = null, string? WhereValue = null);

/// <summary>A search parameter's FHIRPath expression compiled to a walk over the resource's JSON: property names (with
/// choice types resolved, e.g. <c>effectiveDateTime</c>), filters, and the FHIR type of what it reaches.</summary>
/// <param name="Steps">The properties from the resource root down.</param>
/// <param name="LeafType">The FHIR type at the end, e.g. <c>CodeableConcept</c>, <c>Reference</c>, <c>dateTime</c>.</param>
/// <param name="ReferenceTarget">For <c>where(resolve() is T)</c>: keep only references to <c>T</c>.</param>
public sealed record ElementPath(IReadOnlyList<PathStep> Steps, string LeafType, string? ReferenceTarget = null)
{
    /// <summary>Calls <paramref name="visit"/> with every element the path reaches in <paramref name="resource"/>.</summary>
    public void Walk(JsonElement resource, Action<JsonElement> visit) => Walk(resource, 0, visit);

    private void Walk(JsonElement element, int index, Action<JsonElement> visit)
    {
        if (index == Steps.Count)
        {
            visit(element);
            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
            return;
        var step = Steps[index];
        if (!element.TryGetProperty(step.Json, out var value))
            return;
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
                if (Keeps(step, item))
                    Walk(item, index + 1, visit);
        }
        else if (Keeps(step, value))
        {
            Walk(value, index + 1, visit);
        }
    }

    private static bool Keeps(PathStep step, JsonElement element) =>
        step.WhereChild is null
        || (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(step.WhereChild, out var child)
            && child.ValueKind == JsonValueKind.String && child.ValueEquals(step.WhereValue));

    /// <inheritdoc />
    public override string ToString() =>
        string.Join('.', Steps.Select(s => s.WhereChild is null ? s.Json : $"{s.Json}[{s.WhereChild}={s.WhereValue}]"))
        + $" : {LeafType}" + (ReferenceTarget is null ? "" : $" -> {ReferenceTarget}");
}
