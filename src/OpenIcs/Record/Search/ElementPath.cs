using System.Text.Json;

namespace OpenIcs.Record.Search;

/// <summary>One step of an <see cref="ElementPath"/>: a JSON property, optionally kept only when a child equals a value
/// (FHIRPath <c>where(system='email')</c>).</summary>
public sealed record PathStep(string Json, string? WhereChild = null, string? WhereValue = null)
{
    private readonly byte[] _utf8Name = System.Text.Encoding.UTF8.GetBytes(Json);

    /// <summary>The property name in UTF-8, to look it up without transcoding.</summary>
    internal ReadOnlySpan<byte> Utf8Name => _utf8Name;

    /// <summary>Equal when name and filter are (the UTF-8 copy of the name aside).</summary>
    public bool Equals(PathStep? other) =>
        other is not null && Json == other.Json && WhereChild == other.WhereChild && WhereValue == other.WhereValue;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Json, WhereChild, WhereValue);
}

/// <summary>A search parameter's FHIRPath expression compiled to a walk over the resource's JSON: property names (with
/// choice types resolved, e.g. <c>effectiveDateTime</c>), filters, and the FHIR type of what it reaches.</summary>
/// <param name="Steps">The properties from the resource root down.</param>
/// <param name="LeafType">The FHIR type at the end, e.g. <c>CodeableConcept</c>, <c>Reference</c>, <c>dateTime</c>.</param>
/// <param name="ReferenceTarget">For <c>where(resolve() is T)</c>: keep only references to <c>T</c>.</param>
public sealed record ElementPath(IReadOnlyList<PathStep> Steps, string LeafType, string? ReferenceTarget = null)
{
    /// <summary>Adds every element the path reaches in <paramref name="resource"/> to <paramref name="found"/>.</summary>
    public void Collect(JsonElement resource, List<JsonElement> found) => Collect(resource, 0, found);

    private void Collect(JsonElement element, int index, List<JsonElement> found)
    {
        if (index == Steps.Count)
        {
            found.Add(element);
            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
            return;
        var step = Steps[index];
        if (!element.TryGetProperty(step.Utf8Name, out var value))
            return;
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
                if (Keeps(step, item))
                    Collect(item, index + 1, found);
        }
        else if (Keeps(step, value))
        {
            Collect(value, index + 1, found);
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
