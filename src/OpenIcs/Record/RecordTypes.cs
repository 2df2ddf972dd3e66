namespace OpenIcs.Record;

/// <summary>The FHIR resource types the shared care record stores and searches.</summary>
public static class RecordTypes
{
    /// <summary>Every supported type, in the order a bulk load writes them so that references point backwards where
    /// they can (organisations and people before the records that cite them).</summary>
    public static IReadOnlyList<string> InLoadOrder { get; } =
    [
        "Organization", "Location", "Practitioner", "PractitionerRole", "Patient", "Group", "CareTeam", "EpisodeOfCare",
        "Encounter", "Condition", "Observation", "Immunization", "ServiceRequest", "Task", "QuestionnaireResponse",
        "Consent", "AuditEvent",
    ];

    private static readonly Dictionary<string, int> Order =
        InLoadOrder.Select((type, index) => (type, index)).ToDictionary(p => p.type, p => p.index, StringComparer.Ordinal);

    /// <summary>True when the record stores resources of <paramref name="type"/> (exact, case-sensitive name).</summary>
    public static bool IsSupported(string? type) => type is not null && Order.ContainsKey(type);

    /// <summary>Where <paramref name="type"/> comes in <see cref="InLoadOrder"/>; unsupported types come last.</summary>
    public static int LoadRank(string type) => Order.TryGetValue(type, out var rank) ? rank : int.MaxValue;

    /// <summary>True when <paramref name="id"/> is a valid FHIR logical id: 1-64 of A-Z a-z 0-9 - and '.'.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: >= 1 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
}
