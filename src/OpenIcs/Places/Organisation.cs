namespace OpenIcs.Places;

/// <summary>The kinds of organisation that work together in an integrated care system.</summary>
public enum OrganisationKind
{
    /// <summary>NHS integrated care board.</summary>
    IntegratedCareBoard,

    /// <summary>NHS trust or foundation trust (acute, community, mental health, ambulance).</summary>
    NhsTrust,

    /// <summary>Primary care network: GP practices working together.</summary>
    PrimaryCareNetwork,

    /// <summary>GP practice.</summary>
    GpPractice,

    /// <summary>Borough council (local authority): social care, public health, housing.</summary>
    LocalAuthority,

    /// <summary>Voluntary and community sector organisation: a charity or community group.</summary>
    VoluntarySector,
}

/// <summary>An organisation of any sector, with its code and the place it serves.</summary>
/// <param name="Code">ODS code for NHS bodies, ONS code for councils.</param>
/// <param name="CodeSystem">The identifier system of <paramref name="Code"/> (a URI, as in FHIR).</param>
/// <param name="Kind">What sort of organisation.</param>
/// <param name="Name">Its name as published.</param>
/// <param name="Postcode">Postcode of its main site, where published.</param>
/// <param name="Active">False for closed or dormant organisations.</param>
/// <param name="Borough">The borough it serves or sits in; null when it spans several or is unknown.</param>
/// <param name="Ics">The integrated care system it belongs to, when known.</param>
/// <param name="PartOf">The code of the organisation it belongs to (a practice's PCN), when known.</param>
/// <param name="ListSize">Registered patients (GP practices, January 2021).</param>
public sealed record Organisation(
    string Code,
    string CodeSystem,
    OrganisationKind Kind,
    string Name,
    string? Postcode,
    bool Active,
    BoroughCode? Borough,
    IcsCode? Ics,
    string? PartOf,
    int? ListSize)
{
    /// <summary>The identifier system for ONS GSS codes, used for councils.</summary>
    public const string OnsCodeSystem = "http://statistics.data.gov.uk/id/statistical-geography";
}
