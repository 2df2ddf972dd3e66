namespace OpenIcs.Synthetic;

/// <summary>Births per woman per year by age, used for births after Census day and to pair children with mothers.</summary>
/// <remarks>Five-year age-specific fertility rates with the shape ONS publishes for London (peak at 30–34, later than
/// England), scaled to a total fertility rate of 1.55 (ONS, Births in England and Wales 2019–2021: London TFR 1.5–1.6).
/// With Census 2021 women that gives about 110,000 London births a year (ONS: 110,961 in 2021).</remarks>
internal static class Fertility
{
    private static readonly double[] ByBand = [0.0075, 0.042, 0.070, 0.098, 0.070, 0.0205, 0.0019];

    /// <summary>Births per woman per year at <paramref name="age"/> (zero outside 15–49).</summary>
    public static double Rate(double age) => age is < 15 or >= 50 ? 0 : ByBand[(int)(age - 15) / 5];

    /// <summary>Expected births between two days to a woman born on <paramref name="birthDay"/>.</summary>
    public static double Expected(int birthDay, int fromDay, int endDay)
    {
        double births = 0;
        for (var day = fromDay; day < endDay; day += 91)
            births += Rate(Days.Age(birthDay, day + 45)) * Math.Min(91, endDay - day) / Days.PerYear;
        return births;
    }
}
