namespace OpenIcs.Governance;

/// <summary>Why someone is looking at the record, as information-governance rules distinguish it.</summary>
public enum AccessPurpose
{
    /// <summary>Caring for the person in front of you (the default for clinicians and care workers).</summary>
    DirectCare,

    /// <summary>Running services: audit, planning, commissioning.</summary>
    Operations,

    /// <summary>Population health and research: secondary use, where the national data opt-out applies.</summary>
    SecondaryUse,

    /// <summary>The platform's own jobs (ingest, export, indexing).</summary>
    System,
}

/// <summary>Who is reading or writing the shared care record, in what role, for which organisation and why.</summary>
/// <remarks>
/// Every read path of the record takes one, and the record applies it in a single place when it builds SQL, so that
/// the governance rules (a later issue) cannot be bypassed by a side door. <c>default</c> is not a valid context:
/// create one with <see cref="For"/> or use <see cref="System"/>.
/// </remarks>
public sealed record AccessContext
{
    private AccessContext(string who, string role, string? organisation, AccessPurpose purpose, string? breakGlassReason)
    {
        Who = who;
        Role = role;
        Organisation = organisation;
        Purpose = purpose;
        BreakGlassReason = breakGlassReason;
    }

    /// <summary>The platform itself, for internal jobs such as bulk ingest and export.</summary>
    public static AccessContext System { get; } = new("system", "system", null, AccessPurpose.System, null);

    /// <summary>The person or client (a user name or a client id).</summary>
    public string Who { get; }

    /// <summary>Their role, e.g. <c>gp</c>, <c>social-worker</c>, <c>link-worker</c>, <c>analyst</c>.</summary>
    public string Role { get; }

    /// <summary>The ODS code (or council/charity code) of the organisation they act for, if any.</summary>
    public string? Organisation { get; }

    /// <summary>Why they are looking.</summary>
    public AccessPurpose Purpose { get; }

    /// <summary>The reason given for break-glass access, or null when glass is not broken.</summary>
    public string? BreakGlassReason { get; }

    /// <summary>True when the caller broke glass (emergency access, always audited).</summary>
    public bool IsBreakGlass => BreakGlassReason is not null;

    /// <summary>A caller's context; <paramref name="who"/> and <paramref name="role"/> must be given.</summary>
    public static AccessContext For(string who, string role, string? organisation, AccessPurpose purpose) =>
        new(Required(who, nameof(who)), Required(role, nameof(role)), string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim(),
            purpose, null);

    /// <summary>The same caller breaking glass with <paramref name="reason"/> (which must be given).</summary>
    public AccessContext BreakingGlass(string reason) => new(Who, Role, Organisation, Purpose, Required(reason, nameof(reason)));

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"An access context needs {name}.", name) : value.Trim();
}
