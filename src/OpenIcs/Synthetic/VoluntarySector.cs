using OpenIcs.Places;

namespace OpenIcs.Synthetic;

/// <summary>Synthetic London's voluntary and community sector: three clearly named organisations per borough that take
/// social-prescribing referrals and community contacts. No open register of London charities is shipped, so these stand in
/// for them in demonstrations, and both the record and the organisation directory list the same ones.</summary>
public static class VoluntarySector
{
    /// <summary>Organisations per borough.</summary>
    public const int PerBorough = 3;

    /// <summary>The identifier system of their (synthetic) identifiers.</summary>
    public const string IdentifierSystem = Fhir.OpenIcsBase + "/Id/synthetic-vcs-organisation";

    private static readonly string[] Kinds = ["Community Link", "Wellbeing Network", "Carers and Neighbours"];

    /// <summary>The organisations of <paramref name="boroughs"/>, borough by borough in the order given.</summary>
    public static IReadOnlyList<Organisation> Organisations(IEnumerable<Borough> boroughs) =>
        [.. boroughs.SelectMany(b => Enumerable.Range(1, PerBorough).Select(k => new Organisation(
            $"SYN-VCS-{b.Code.Value}-{k}", IdentifierSystem, OrganisationKind.VoluntarySector, $"{b.Name} {Kinds[k - 1]} (synthetic)",
            null, true, b.Code, b.Ics, null, null)))];
}
