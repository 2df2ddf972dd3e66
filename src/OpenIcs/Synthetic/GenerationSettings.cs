using OpenIcs.Places;

namespace OpenIcs.Synthetic;

/// <summary>What to generate: how much of London, from which seed, over which years, and where to write it.</summary>
/// <param name="Scale">Fraction of London's Census 2021 residents (1.0 = 8.8 million); above 0 and at most <see cref="MaxScale"/>.</param>
/// <param name="Seed">The seed every random stream is derived from; the same seed and scale give byte-identical output.</param>
/// <param name="FromYear">First calendar year of history (default 2015).</param>
/// <param name="ToYear">Last calendar year of history, inclusive (default 2025).</param>
/// <param name="OutputFolder">The folder to create; it must not exist or be empty.</param>
public sealed record GenerationSettings(double Scale, ulong Seed, int FromYear, int ToYear, string OutputFolder)
{
    /// <summary>The largest scale accepted: twice London (about 19 million residents).</summary>
    public const double MaxScale = 2.0;

    /// <summary>The earliest first year: the population is projected back from Census 2021, which stays plausible for two decades.</summary>
    public const int EarliestYear = 2001;

    /// <summary>The latest last year.</summary>
    public const int LatestYear = 2030;

    /// <summary>The default first year.</summary>
    public const int DefaultFromYear = 2015;

    /// <summary>The default last year.</summary>
    public const int DefaultToYear = 2025;

    /// <summary>Write <c>.ndjson.gz</c> (true, the default) or plain <c>.ndjson</c>.</summary>
    public bool Gzip { get; init; } = true;

    /// <summary>Worker threads; null uses every processor. The output does not depend on it.</summary>
    public int? Threads { get; init; }

    /// <summary>The reference data folder (defaults to the copy beside the program).</summary>
    public string ReferenceFolder { get; init; } = LondonReferenceData.DefaultFolder;

    /// <summary>The first day of the period.</summary>
    internal int FirstDay => Days.StartOf(FromYear);

    /// <summary>The day after the period ends (exclusive).</summary>
    internal int EndDay => Days.StartOf(ToYear + 1);

    /// <summary>Why these settings cannot be used, or null when they can.</summary>
    public string? Problem()
    {
        if (!(Scale > 0) || double.IsNaN(Scale))
            return $"--scale must be above 0 (got {Scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}).";
        if (Scale > MaxScale)
            return $"--scale must be at most {MaxScale.ToString(System.Globalization.CultureInfo.InvariantCulture)} (twice London); got {Scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}.";
        if (FromYear < EarliestYear || FromYear > LatestYear)
            return $"--from must be a year from {EarliestYear} to {LatestYear} (got {FromYear}).";
        if (ToYear < EarliestYear || ToYear > LatestYear)
            return $"--to must be a year from {EarliestYear} to {LatestYear} (got {ToYear}).";
        if (ToYear < FromYear)
            return $"--to ({ToYear}) must not be before --from ({FromYear}).";
        if (string.IsNullOrWhiteSpace(OutputFolder))
            return "--out must name a folder.";
        if (Threads is < 1)
            return $"--threads must be at least 1 (got {Threads}).";
        return null;
    }
}
