namespace OpenIcs.Places;

/// <summary>Places a GP practice whose 2019 CCG covered two boroughs, using its postcode district where the district lies in
/// only one of them.</summary>
/// <remarks>
/// NHS City and Hackney CCG (07T) covered the City of London and Hackney: the City's postcodes are EC districts, while E5, E8,
/// E9, N1, N4 and N16 practices in that CCG are in Hackney. NHS West London CCG (08Y) covered Kensington and Chelsea and the
/// Queen's Park and Paddington part of Westminster: W2 and W9 are Westminster; SW3, SW5, SW7, SW10, W8, W11 and W14 are
/// Kensington and Chelsea. W10 and SW1X straddle the two boroughs, so those practices stay unplaced (null).
/// </remarks>
internal static class PracticePostcodes
{
    private const string CityOfLondon = "E09000001";
    private const string Hackney = "E09000012";
    private const string KensingtonAndChelsea = "E09000020";
    private const string Westminster = "E09000033";

    private static readonly HashSet<string> WestminsterDistricts = ["W2", "W9"];
    private static readonly HashSet<string> KensingtonDistricts = ["SW3", "SW5", "SW7", "SW10", "W8", "W11", "W14"];
    private static readonly HashSet<string> HackneyDistricts = ["E5", "E8", "E9", "N1", "N4", "N16"];

    /// <summary>The borough among <paramref name="candidates"/> (codes separated by ';') that holds <paramref name="postcode"/>'s
    /// district, or null when the district does not settle it.</summary>
    public static BoroughCode? BoroughWithin(string candidates, string? postcode)
    {
        var district = postcode?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToUpperInvariant();
        if (district is null)
            return null;
        var pair = candidates.Split(';', StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal).ToArray();
        string? code = pair switch
        {
            [CityOfLondon, Hackney] when district.StartsWith("EC", StringComparison.Ordinal) => CityOfLondon,
            [CityOfLondon, Hackney] when HackneyDistricts.Contains(district) => Hackney,
            [KensingtonAndChelsea, Westminster] when WestminsterDistricts.Contains(district) => Westminster,
            [KensingtonAndChelsea, Westminster] when KensingtonDistricts.Contains(district) => KensingtonAndChelsea,
            _ => null,
        };
        return code is null ? null : BoroughCode.Parse(code);
    }
}
