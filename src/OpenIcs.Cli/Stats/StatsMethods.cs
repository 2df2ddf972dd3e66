using OpenIcs.Statistics;

namespace OpenIcs.Cli.Stats;

/// <summary>The statistics <c>openics stats</c> computes, each from its own input columns.</summary>
/// <remarks>
/// Rows of the same group are combined: counts are summed for proportions and rates; observations are pooled for means;
/// age bands are collected for DSRs, ISRs and life expectancy (each band once per group). Groups are written in the
/// order they first appear. Defaults follow PHEindicatormethods: proportions ×1, rates and DSRs per 100,000, ISRs as a
/// ratio ×1; life expectancy is in years and takes no multiplier.
/// </remarks>
internal static class StatsMethods
{
    /// <summary>The method names, as typed on the command line.</summary>
    public static readonly string[] Names = ["proportion", "rate", "mean", "dsr", "isr", "life_expectancy"];

    /// <summary>The input columns each method needs.</summary>
    public static IReadOnlyList<string> Columns(string method) => method switch
    {
        "proportion" or "rate" => ["group", "numerator", "denominator"],
        "mean" => ["group", "value"],
        "dsr" => ["group", "age_band", "numerator", "denominator"],
        "isr" => ["group", "age_band", "numerator", "denominator", "ref_numerator", "ref_denominator"],
        "life_expectancy" => ["group", "age_band", "deaths", "population"],
        _ => throw new CliException($"unknown method '{method}': use one of {string.Join(", ", Names)}."),
    };

    /// <summary>Runs <paramref name="method"/> over <paramref name="csv"/>, returning its extra columns and one result per group.</summary>
    public static (string[] ExtraColumns, List<StatsResult> Results) Run(string method, StatsCsv csv, IReadOnlyList<ConfidenceLevel> levels, double? multiplier) =>
        method switch
        {
            "proportion" => Counts(csv, levels, isProportion: true, multiplier ?? 1),
            "rate" => Counts(csv, levels, isProportion: false, multiplier ?? CrudeRate.DefaultMultiplier),
            "mean" => Means(csv, levels, multiplier ?? 1),
            "dsr" => Dsrs(csv, levels, multiplier ?? CrudeRate.DefaultMultiplier),
            "isr" => Isrs(csv, levels, multiplier ?? 1),
            _ => LifeExpectancies(csv, levels, multiplier),
        };

    private static (string[], List<StatsResult>) Counts(StatsCsv csv, IReadOnlyList<ConfidenceLevel> levels, bool isProportion, double multiplier)
    {
        var groups = new GroupedRows<(double Numerator, double Denominator)>();
        foreach (var (row, fields) in csv.Rows)
        {
            var group = csv.Label(row, fields, "group");
            var numerator = csv.Count(row, fields, "numerator");
            var denominator = csv.Positive(row, fields, "denominator");
            if (isProportion && numerator > denominator)
            {
                throw csv.Bad(row, "numerator", $"{Text(numerator)} is more than the denominator ({Text(denominator)}); a proportion cannot exceed 1");
            }

            groups.Update(group, t => (t.Numerator + numerator, t.Denominator + denominator));
        }

        var results = groups.Select(g => new StatsResult(g.Group,
            levels.Select(level => isProportion
                ? Proportion.Calculate(g.Value.Numerator, g.Value.Denominator, level, multiplier)
                : CrudeRate.Calculate(g.Value.Numerator, g.Value.Denominator, level, multiplier)).ToArray(),
            [g.Value.Numerator, g.Value.Denominator])).ToList();
        return (["numerator", "denominator"], results);
    }

    private static (string[], List<StatsResult>) Means(StatsCsv csv, IReadOnlyList<ConfidenceLevel> levels, double multiplier)
    {
        var groups = new GroupedRows<List<double>>();
        foreach (var (row, fields) in csv.Rows)
        {
            var group = csv.Label(row, fields, "group");
            var value = csv.Number(row, fields, "value") * multiplier;
            groups.Update(group, list => (list ?? []).Append(value).ToList());
        }

        var results = groups.Select(g => new StatsResult(g.Group,
            levels.Select(level => Mean.Calculate(g.Value.ToArray(), level)).ToArray(), [g.Value.Count])).ToList();
        return (["count"], results);
    }

    private static (string[], List<StatsResult>) Dsrs(StatsCsv csv, IReadOnlyList<ConfidenceLevel> levels, double multiplier)
    {
        var ownStandard = csv.Has("standard_population");
        var bands = AgeBands.FiveYear;
        var groups = Banded(csv, bands, ownStandard ? ["numerator", "denominator", "standard_population"] : ["numerator", "denominator"]);
        var results = new List<StatsResult>();
        foreach (var (group, values) in groups)
        {
            var standard = ownStandard
                ? StandardPopulation.Create(bands, values.Select(v => v[2]).ToArray())
                : StandardPopulation.EuropeanStandard2013;
            var dsr = DirectlyStandardisedRate.Calculate(values.Select(v => v[0]).ToArray(), values.Select(v => v[1]).ToArray(), standard, multiplier);
            results.Add(new StatsResult(group, levels.Select(dsr.ToEstimate).ToArray(), [dsr.TotalEvents, dsr.TotalPopulation]));
        }

        return (["numerator", "denominator"], results);
    }

    private static (string[], List<StatsResult>) Isrs(StatsCsv csv, IReadOnlyList<ConfidenceLevel> levels, double multiplier)
    {
        var groups = new GroupedRows<(HashSet<string> Bands, double Observed, double Expected, double RefEvents, double RefPeople)>();
        foreach (var (row, fields) in csv.Rows)
        {
            var group = csv.Label(row, fields, "group");
            var band = csv.Label(row, fields, "age_band");
            var observed = csv.Count(row, fields, "numerator");
            var population = csv.Count(row, fields, "denominator");
            var referenceEvents = csv.Count(row, fields, "ref_numerator");
            var referencePeople = csv.Positive(row, fields, "ref_denominator");
            groups.Update(group, g =>
            {
                var seen = g.Bands ?? new HashSet<string>(StringComparer.Ordinal);
                if (!seen.Add(band))
                {
                    throw csv.Bad(row, "age_band", $"'{band}' appears twice for group '{group}'");
                }

                return (seen, g.Observed + observed, g.Expected + (population * referenceEvents / referencePeople),
                    g.RefEvents + referenceEvents, g.RefPeople + referencePeople);
            });
        }

        var results = new List<StatsResult>();
        foreach (var (group, g) in groups)
        {
            if (!(g.Expected > 0))
            {
                throw new CliException($"{csv.File}: group '{group}' expects no events (the reference has none in its age bands), so it has no ratio.");
            }

            var isr = IndirectlyStandardisedRatio.FromTotals(g.Observed, g.Expected, g.RefEvents / g.RefPeople);
            results.Add(new StatsResult(group, levels.Select(level => isr.Ratio(level, multiplier)).ToArray(), [g.Observed, g.Expected]));
        }

        return (["observed", "expected"], results);
    }

    private static (string[], List<StatsResult>) LifeExpectancies(StatsCsv csv, IReadOnlyList<ConfidenceLevel> levels, double? multiplier)
    {
        if (multiplier is not null)
        {
            throw new CliException("life_expectancy is in years and takes no --multiplier.");
        }

        var results = new List<StatsResult>();
        foreach (var (group, values) in Banded(csv, AgeBands.LifeTable, ["deaths", "population"]))
        {
            var deaths = values.Select(v => v[0]).ToArray();
            var population = values.Select(v => v[1]).ToArray();
            var table = LifeTable.Calculate(deaths, population, AgeBands.LifeTable);
            results.Add(new StatsResult(group, levels.Select(table.AtBirth).ToArray(), [deaths.Sum(), population.Sum()]));
        }

        return (["deaths", "population"], results);
    }

    // Collects each group's counts by age band, requiring every band exactly once.
    private static List<(string Group, double[][] Values)> Banded(StatsCsv csv, AgeBands bands, string[] countColumns)
    {
        var groups = new GroupedRows<double[]?[]>();
        foreach (var (row, fields) in csv.Rows)
        {
            var group = csv.Label(row, fields, "group");
            var label = csv.Text(fields, "age_band");
            if (!bands.TryIndexOf(label, out var index))
            {
                throw csv.Bad(row, "age_band", $"'{label}' is not an age band; use {bands}");
            }

            var values = countColumns.Select(c => csv.Count(row, fields, c)).ToArray();
            groups.Update(group, slots =>
            {
                slots ??= new double[]?[bands.Count];
                if (slots[index] is not null)
                {
                    throw csv.Bad(row, "age_band", $"'{label}' appears twice for group '{group}'");
                }

                slots[index] = values;
                return slots;
            });
        }

        return groups.Select(g =>
        {
            var missing = Array.FindIndex(g.Value, v => v is null);
            return missing < 0
                ? (g.Group, g.Value.Select(v => v!).ToArray())
                : throw new CliException($"{csv.File}: group '{g.Group}' has no row for age band '{bands.Labels[missing]}'; every group needs all of {bands}.");
        }).ToList();
    }

    private static string Text(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
