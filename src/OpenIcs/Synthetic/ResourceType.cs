namespace OpenIcs.Synthetic;

/// <summary>The FHIR resource types the generator writes, one NDJSON file each, in this order in the manifest.</summary>
public enum ResourceType
{
    /// <summary>ICBs, councils, NHS trusts, PCNs, GP practices and synthetic voluntary-sector organisations.</summary>
    Organization,

    /// <summary>Residents.</summary>
    Patient,

    /// <summary>Households (actual groups of residents).</summary>
    Group,

    /// <summary>Long-term conditions and social findings.</summary>
    Condition,

    /// <summary>Measurements, scores and statuses.</summary>
    Observation,

    /// <summary>Contacts with every service.</summary>
    Encounter,

    /// <summary>Childhood immunisations.</summary>
    Immunization,

    /// <summary>Adult social care packages.</summary>
    EpisodeOfCare,

    /// <summary>Social prescribing referrals to link workers.</summary>
    ServiceRequest,

    /// <summary>National data opt-out.</summary>
    Consent,
}

/// <summary>File names of each resource type.</summary>
public static class ResourceFiles
{
    /// <summary>Every resource type, in manifest order.</summary>
    public static IReadOnlyList<ResourceType> All { get; } = Enum.GetValues<ResourceType>();

    /// <summary>The NDJSON file name of <paramref name="type"/>: <c>Patient.ndjson.gz</c> or <c>Patient.ndjson</c>.</summary>
    public static string FileName(ResourceType type, bool gzip) => gzip ? $"{type}.ndjson.gz" : $"{type}.ndjson";
}
