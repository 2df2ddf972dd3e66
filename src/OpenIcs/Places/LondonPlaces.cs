namespace OpenIcs.Places;

/// <summary>London's places and organisations as read from the shipped reference data.</summary>
public sealed record LondonPlaces(
    IReadOnlyList<IntegratedCareSystem> Systems,
    IReadOnlyList<Borough> Boroughs,
    IReadOnlyList<Lsoa> Lsoas,
    IReadOnlyList<ResidentPopulation> Population,
    IReadOnlyList<Organisation> Organisations);
