namespace OpenIcs.Web.Pages.Places;

/// <summary>One colour per London integrated care system, used by the map and its key (NHS identity palette; each
/// passes 3:1 contrast against white for graphical objects).</summary>
public static class SystemColours
{
    private static readonly Dictionary<string, string> ByCode = new(StringComparer.Ordinal)
    {
        ["E54000027"] = "#005eb8", // North West London: NHS blue
        ["E54000028"] = "#007f3b", // North Central London: NHS green
        ["E54000029"] = "#330072", // North East London: NHS purple
        ["E54000030"] = "#ae2573", // South East London: NHS pink
        ["E54000031"] = "#8a4b00", // South West London: dark orange
    };

    /// <summary>The colour for the system with <paramref name="code"/>; grey for one outside London.</summary>
    public static string For(OpenIcs.Places.IcsCode code) => ByCode.GetValueOrDefault(code.Value, "#4c6272");
}

/// <summary>Colours for national IMD deciles on maps: the viridis scale, dark for decile 1 (most deprived) to light for
/// decile 10; it stays ordered for colour-blind readers and in greyscale.</summary>
public static class DecileColours
{
    private static readonly string[] Viridis =
        ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"];

    /// <summary>The colour for <paramref name="decile"/> (1-10).</summary>
    public static string For(int decile) => Viridis[Math.Clamp(decile, 1, 10) - 1];
}
