namespace OpenIcs.Places;

/// <summary>London at a glance: how many of each place and organisation the store holds.</summary>
public sealed record LondonSummary(int Systems, int Boroughs, int Lsoas, long Population2021, int ActivePractices, int ActiveTrusts);

/// <summary>A borough with the figures shown wherever boroughs are listed.</summary>
/// <param name="Borough">The borough.</param>
/// <param name="IcsShortName">Its integrated care system's short name.</param>
/// <param name="Lsoas">Its number of LSOAs.</param>
/// <param name="MostDeprivedFifthLsoas">How many of its LSOAs are in England's most deprived 20% (IMD deciles 1-2).</param>
/// <param name="ActivePractices">Active GP practices placed in the borough.</param>
public sealed record BoroughSummary(Borough Borough, string IcsShortName, int Lsoas, int MostDeprivedFifthLsoas, int ActivePractices)
{
    /// <summary>Share of the borough's LSOAs in England's most deprived fifth, 0-1.</summary>
    public double MostDeprivedFifthShare => Lsoas == 0 ? 0 : (double)MostDeprivedFifthLsoas / Lsoas;
}

/// <summary>How many LSOAs, and how many of their residents, fall in one national IMD 2019 decile.</summary>
public sealed record DecileCount(int Decile, int Lsoas, long Population);

/// <summary>Residents in one five-year age band, by sex.</summary>
public sealed record AgeBandPopulation(int AgeMin, string AgeBand, int Female, int Male);

/// <summary>A filter for listing organisations; null members match everything.</summary>
public sealed record OrganisationFilter(
    OrganisationKind? Kind = null, BoroughCode? Borough = null, IcsCode? Ics = null, bool? Active = null, string? NameContains = null);

/// <summary>One page of a list, with the total that matched.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit);
