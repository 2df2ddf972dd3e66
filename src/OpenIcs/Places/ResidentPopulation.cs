namespace OpenIcs.Places;

/// <summary>Sex as recorded by the Census (male or female).</summary>
public enum Sex
{
    /// <summary>Female.</summary>
    Female,

    /// <summary>Male.</summary>
    Male,
}

/// <summary>Census 2021 usual residents of a borough of one sex in one five-year age band.</summary>
/// <param name="Borough">The local authority.</param>
/// <param name="Sex">Sex.</param>
/// <param name="AgeMin">First year of age in the band (0, 5, … 90).</param>
/// <param name="AgeBand">The band's label: 0-4, 5-9, … 85-89, 90+.</param>
/// <param name="Population">Residents (Census 2021 TS009, perturbed by ONS).</param>
public sealed record ResidentPopulation(BoroughCode Borough, Sex Sex, int AgeMin, string AgeBand, int Population);
