namespace OpenIcs.Places;

/// <summary>ONS's statistical split of London.</summary>
public enum InnerOuter
{
    /// <summary>Inner London (E13000001).</summary>
    Inner,

    /// <summary>Outer London (E13000002).</summary>
    Outer,
}

/// <summary>A London local authority (32 boroughs and the City of London) and the ICS its borough partnership sits in.</summary>
/// <param name="Code">ONS code.</param>
/// <param name="Name">ONS name, e.g. "Tower Hamlets".</param>
/// <param name="InnerOuter">ONS statistical Inner or Outer London.</param>
/// <param name="Ics">The integrated care system the borough belongs to.</param>
/// <param name="Population2011">Census 2011 usual residents.</param>
/// <param name="Population2021">Census 2021 usual residents, rounded by ONS to the nearest 100.</param>
public sealed record Borough(
    BoroughCode Code, string Name, InnerOuter InnerOuter, IcsCode Ics, int Population2011, int Population2021);
