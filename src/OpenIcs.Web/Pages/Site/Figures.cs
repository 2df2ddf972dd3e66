using System.Globalization;

namespace OpenIcs.Web.Pages.Site;

/// <summary>How pages write numbers: thousands separated, percentages to one decimal place.</summary>
public static class Figures
{
    /// <summary>A count such as 8,799,697.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A large count in words, such as "8.8 million".</summary>
    public static string Millions(long value) => (value / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " million";

    /// <summary>A share (0-1) as a percentage such as 42.5%.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A number for a <c>data-value</c> attribute that scripts read: invariant, no separators.</summary>
    public static string Raw(double value) => value.ToString(CultureInfo.InvariantCulture);
}
