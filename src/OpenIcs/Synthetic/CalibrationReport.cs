using System.Globalization;
using System.Text;
using OpenIcs.Statistics;

namespace OpenIcs.Synthetic;

/// <summary>One generated figure against its target.</summary>
/// <param name="Measure">What is compared, e.g. "Barnet female 0-4" or "t2dm decile 1".</param>
/// <param name="Target">The published (or fitted) figure, scaled to the run.</param>
/// <param name="Got">What the generated population shows.</param>
/// <param name="Base">What the figure is a share of (people in the denominator), 1 for counts: Target × Base is the
/// expected count, which decides whether sampling noise makes the line too small to judge.</param>
public sealed record CalibrationLine(string Measure, double Target, double Got, double Base = 1)
{
    /// <summary>The expected count behind the target.</summary>
    public double Expected => Target * Base;

    /// <summary>(got − target) / target; 0 when both are 0, NaN when only the target is 0.</summary>
    public double RelativeError => Target == 0 ? (Got == 0 ? 0 : double.NaN) : (Got - Target) / Target;
}

/// <summary>A group of comparisons with its source and largest relative error.</summary>
/// <param name="Name">The section, e.g. "Residents by borough, sex and age".</param>
/// <param name="Source">Where the targets come from.</param>
/// <param name="Lines">Every comparison.</param>
/// <param name="MinimumExpected">Lines whose expected count is below this are shown but left out of the largest error (sampling noise).</param>
/// <param name="Note">How to read it.</param>
public sealed record CalibrationSection(string Name, string Source, IReadOnlyList<CalibrationLine> Lines, double MinimumExpected, string Note)
{
    /// <summary>The line with the largest absolute relative error among those expecting at least <see cref="MinimumExpected"/>.</summary>
    public CalibrationLine? Largest => Lines.Where(l => l.Expected >= MinimumExpected && !double.IsNaN(l.RelativeError))
        .OrderByDescending(l => Math.Abs(l.RelativeError)).ThenBy(l => l.Measure, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The line called <paramref name="measure"/>.</summary>
    public CalibrationLine Line(string measure) => Lines.First(l => l.Measure == measure);
}

/// <summary>Life expectancy at birth of one sex and IMD decile: the model's target and what the output gives.</summary>
public sealed record LifeExpectancyRow(string Sex, int Decile, double Target, double Got, double Lower, double Upper, double Deaths, double PersonYears);

/// <summary>The calibration report written beside the output (<c>calibration.json</c> and <c>calibration.md</c>).</summary>
public sealed record CalibrationReport(
    double Scale,
    ulong Seed,
    string Period,
    IReadOnlyList<CalibrationSection> Sections,
    IReadOnlyList<LifeExpectancyRow> LifeExpectancy,
    IReadOnlyList<CalibrationLine> Gradients)
{
    /// <summary>The section called <paramref name="name"/>.</summary>
    public CalibrationSection Section(string name) => Sections.First(s => s.Name == name);

    /// <summary>The comparison in <see cref="Gradients"/> called <paramref name="measure"/>.</summary>
    public CalibrationLine Gradient(string measure) => Gradients.First(g => g.Measure == measure);

    /// <summary>A readable summary in Markdown.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Synthetic London calibration\n\nScale {Scale}, seed {Seed}, period {Period}.\n\n");
        text.Append("| Section | Lines | Largest relative error | At |\n|---|---:|---:|---|\n");
        foreach (var section in Sections)
        {
            var largest = section.Largest;
            text.Append(CultureInfo.InvariantCulture,
                $"| {section.Name} | {section.Lines.Count} | {(largest is null ? "-" : Percent(largest.RelativeError))} | {largest?.Measure ?? "-"} |\n");
        }

        text.Append("\n## Life expectancy at birth by IMD decile (years)\n\n| Sex | Decile | Target | Got | 95% CI | Deaths |\n|---|---:|---:|---:|---|---:|\n");
        foreach (var row in LifeExpectancy)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {row.Sex} | {row.Decile} | {row.Target:0.0} | {row.Got:0.0} | {row.Lower:0.0}-{row.Upper:0.0} | {row.Deaths:0} |\n");
        }

        text.Append("\n## Gradients and rates\n\n| Measure | Target | Got |\n|---|---:|---:|\n");
        foreach (var line in Gradients)
            text.Append(CultureInfo.InvariantCulture, $"| {line.Measure} | {Number(line.Target)} | {Number(line.Got)} |\n");

        foreach (var section in Sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {section.Name}\n\nSource: {section.Source}. {section.Note}\n\n| Measure | Target | Got | Relative error |\n|---|---:|---:|---:|\n");
            var lines = section.Lines.Count <= 40 ? section.Lines
                : section.Lines.Where(l => l.Expected >= section.MinimumExpected && !double.IsNaN(l.RelativeError))
                    .OrderByDescending(l => Math.Abs(l.RelativeError)).Take(12).ToList();
            if (section.Lines.Count > 40)
                text.Append(CultureInfo.InvariantCulture, $"| *the 12 largest of {section.Lines.Count} lines* | | | |\n");
            foreach (var line in lines)
                text.Append(CultureInfo.InvariantCulture, $"| {line.Measure} | {Number(line.Target)} | {Number(line.Got)} | {Percent(line.RelativeError)} |\n");
        }

        return text.ToString();
    }

    private static string Percent(double value) =>
        double.IsNaN(value) ? "-" : (100 * value).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%";

    private static string Number(double value) => Math.Abs(value) switch
    {
        0 => "0",
        < 0.1 => value.ToString("0.0000", CultureInfo.InvariantCulture),
        < 100 => value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => value.ToString("0", CultureInfo.InvariantCulture),
    };
}

/// <summary>Builds the calibration report from the summed tallies and the fitted models.</summary>
internal static class CalibrationReportBuilder
{
    private static readonly string[] SexNames = ["female", "male"];

    public static CalibrationReport Build(SyntheticModel model, CalibrationTally tally)
    {
        var settings = model.Settings;
        var statistics = model.Statistics;
        var sections = new List<CalibrationSection>
        {
            Population(statistics, tally, settings.Scale),
            Ethnicity(statistics, tally, settings.Scale),
            Deprivation(statistics, tally),
            ConditionsByDecile(model, tally),
            ConditionsByBorough(model, tally),
        };
        var (lifeRows, lifeLines) = LifeExpectancy(model, tally);
        sections.Add(new CalibrationSection("Life expectancy", "ONS and Bennett et al. 2023; see MortalityModel", lifeLines, 0,
            "London level and SII are the fitted targets; decile values come from the output (Chiang II, years outside 2020-2022)."));
        sections.Add(Households(tally));
        return new CalibrationReport(settings.Scale, settings.Seed, $"{settings.FromYear}-{settings.ToYear}", sections, lifeRows, Gradients(model, tally));
    }

    private static CalibrationSection Population(LondonStatistics statistics, CalibrationTally tally, double scale)
    {
        var lines = new List<CalibrationLine>();
        for (var b = 0; b < statistics.Boroughs.Length; b++)
        {
            for (var sex = 0; sex < 2; sex++)
            {
                for (var band = 0; band < CalibrationTally.CensusBands; band++)
                {
                    double target = 0;
                    for (var age = band * 5; age < Math.Min((band * 5) + 5, ExpectedPopulation.Ages); age++)
                        target += statistics.CensusResidents[b][(sex * ExpectedPopulation.Ages) + age];
                    if (band == CalibrationTally.CensusBands - 1)
                        target = statistics.CensusResidents[b][(sex * ExpectedPopulation.Ages) + LondonStatistics.OldestAge];
                    var label = band == CalibrationTally.CensusBands - 1 ? "90+" : $"{band * 5}-{(band * 5) + 4}";
                    lines.Add(new($"{statistics.Boroughs[b].Name} {SexNames[sex]} {label}", scale * target,
                        tally.CensusResidents[(((b * 2) + sex) * CalibrationTally.CensusBands) + band]));
                }
            }
        }

        for (var b = 0; b < statistics.Boroughs.Length; b++)
        {
            long got = 0;
            for (var cell = 0; cell < 2 * CalibrationTally.CensusBands; cell++)
                got += tally.CensusResidents[(b * 2 * CalibrationTally.CensusBands) + cell];
            lines.Add(new($"{statistics.Boroughs[b].Name} all", scale * statistics.CensusResidents[b].Sum(), got));
        }

        lines.Add(new("London", scale * statistics.CensusResidents.Sum(r => (double)r.Sum()), tally.CensusResidents.Sum()));
        return new CalibrationSection("Residents by borough, sex and age", "ONS Census 2021 TS009", lines, 500,
            "Census-day residents; cells with fewer than 500 expected are left out of the largest error.");
    }

    private static CalibrationSection Ethnicity(LondonStatistics statistics, CalibrationTally tally, double scale)
    {
        var lines = new List<CalibrationLine>();
        var broadTarget = new double[5];
        var broadGot = new double[5];
        for (var b = 0; b < statistics.Boroughs.Length; b++)
        {
            for (var g = 0; g < EthnicGroups.Count; g++)
            {
                var gotCount = tally.EthnicResidents[(b * EthnicGroups.Count) + g];
                lines.Add(new($"{statistics.Boroughs[b].Name} {EthnicGroups.Column((EthnicGroup)g)}", scale * statistics.Ethnicity[b][g], gotCount));
                broadTarget[(int)EthnicGroups.BroadGroup((EthnicGroup)g)] += statistics.Ethnicity[b][g];
                broadGot[(int)EthnicGroups.BroadGroup((EthnicGroup)g)] += gotCount;
            }
        }

        for (var broad = 0; broad < 5; broad++)
            lines.Add(new($"London {(EthnicGroups.Broad)broad} share", broadTarget[broad] / broadTarget.Sum(), broadGot[broad] / broadGot.Sum()));
        return new CalibrationSection("Ethnicity by borough", "ONS Census 2021 TS021", lines, 500,
            "Counts of Census-day residents by group; cells with fewer than 500 expected are left out of the largest error.");
    }

    private static CalibrationSection Deprivation(LondonStatistics statistics, CalibrationTally tally)
    {
        var target = new double[10];
        for (var l = 0; l < statistics.Lsoas.Length; l++)
            target[statistics.Lsoas[l].ImdDecile - 1] += statistics.Lsoas[l].PopulationMid2020;
        var targetTotal = target.Sum();
        double gotTotal = tally.DecileResidents.Sum();
        var lines = Enumerable.Range(0, 10).Select(d => new CalibrationLine($"decile {d + 1} share", target[d] / targetTotal, tally.DecileResidents[d] / gotTotal, gotTotal)).ToList();
        return new CalibrationSection("Residents by IMD 2019 decile", "ONS mid-2020 LSOA estimates and MHCLG IoD 2019", lines, 0,
            "Share of residents living in LSOAs of each national decile (1 = most deprived).");
    }

    private static CalibrationSection ConditionsByDecile(SyntheticModel model, CalibrationTally tally)
    {
        var lines = new List<CalibrationLine>();
        for (var c = 0; c < model.Conditions.Length; c++)
        {
            var condition = model.Conditions[c];
            double targetCases = 0, people = 0, cases = 0;
            for (var d = 0; d < 10; d++)
            {
                var denominator = tally.QofPeople[(c * 10) + d];
                var got = denominator == 0 ? 0 : (double)tally.QofCases[(c * 10) + d] / denominator;
                if (condition.Definition.QofRegister is not null)
                    lines.Add(new($"{condition.Definition.Key} decile {d + 1}", condition.Targets[d], got, denominator));
                targetCases += condition.Targets[d] * denominator;
                people += denominator;
                cases += tally.QofCases[(c * 10) + d];
            }

            var londonTarget = condition.Definition.QofRegister is null ? condition.Definition.TargetPrevalence!.Value : targetCases / Math.Max(1, people);
            lines.Add(new($"{condition.Definition.Key} London", londonTarget, cases / Math.Max(1, people), people));
        }

        lines.Add(new("scd London", 6_800 / 8_800_000.0, (double)tally.SickleCell / Math.Max(1, tally.PeopleOnPrevalenceDay), tally.PeopleOnPrevalenceDay));
        return new CalibrationSection("Condition prevalence by IMD decile (Census day 2021)",
            "House of Commons Library modelled QOF 2019/20 prevalence by London IMD decile (register age ranges)", lines, 100,
            "Prevalence among residents on Census day 2021 in the register's age range; lines expecting fewer than 100 cases are left out of the largest error.");
    }

    private static CalibrationSection ConditionsByBorough(SyntheticModel model, CalibrationTally tally)
    {
        var statistics = model.Statistics;
        var boroughs = statistics.Boroughs.Length;
        var lines = new List<CalibrationLine>();
        for (var c = 0; c < model.Conditions.Length; c++)
        {
            var definition = model.Conditions[c].Definition;
            if (definition.QofRegister is not { } register || !statistics.QofByBorough.TryGetValue(register, out var targets))
                continue;
            for (var b = 0; b < boroughs; b++)
            {
                var denominator = tally.QofBoroughPeople[(c * boroughs) + b];
                lines.Add(new($"{definition.Key} {statistics.Boroughs[b].Name}", targets[b] * definition.QofShare,
                    denominator == 0 ? 0 : (double)tally.QofBoroughCases[(c * boroughs) + b] / denominator, denominator));
            }
        }

        return new CalibrationSection("Condition prevalence by borough (not fitted)",
            "House of Commons Library modelled QOF 2019/20 prevalence by borough of residence", lines, 100,
            "Not a fitting target: boroughs differ through their age, ethnicity and deprivation mix only. Lines expecting fewer than 100 cases are left out of the largest error.");
    }

    private static (List<LifeExpectancyRow> Rows, List<CalibrationLine> Lines) LifeExpectancy(SyntheticModel model, CalibrationTally tally)
    {
        var bands = AgeBands.LifeTable;
        var rows = new List<LifeExpectancyRow>();
        var lines = new List<CalibrationLine>();
        for (var sex = 0; sex < 2; sex++)
        {
            var fit = model.Mortality.Fits[sex];
            var values = new List<double>();
            var weights = new List<double>();
            var pooledDeaths = new double[bands.Count];
            var pooledYears = new double[bands.Count];
            for (var d = 0; d < 10; d++)
            {
                var offset = ((sex * 10) + d) * bands.Count;
                var deaths = tally.LifeDeaths.AsSpan(offset, bands.Count);
                var years = tally.LifeYears.AsSpan(offset, bands.Count);
                for (var k = 0; k < bands.Count; k++)
                {
                    pooledDeaths[k] += deaths[k];
                    pooledYears[k] += years[k];
                }

                var table = LifeTable.Calculate(deaths, years, bands);
                var estimate = table.AtBirth(ConfidenceLevel.Percent95);
                var got = table.Suppression is null ? ExpectancyOrMidpoint(table) : double.NaN;
                rows.Add(new LifeExpectancyRow(SexNames[sex], d + 1, fit.DecileLifeExpectancy[d], got,
                    estimate.Interval.Lower, estimate.Interval.Upper, Sum(deaths), Sum(years)));
                if (!double.IsNaN(got))
                {
                    values.Add(got);
                    weights.Add(Sum(years));
                }
            }

            var pooled = LifeTable.Calculate(pooledDeaths, pooledYears, bands);
            lines.Add(new($"{SexNames[sex]} London life expectancy", MortalityModel.LifeExpectancyTargets[sex],
                pooled.Suppression is null ? ExpectancyOrMidpoint(pooled) : double.NaN));
            lines.Add(new($"{SexNames[sex]} slope index of inequality", MortalityModel.SlopeIndexTargets[sex],
                values.Count >= 2 ? SlopeIndexOfInequality.Calculate([.. values], [.. weights]).Sii : double.NaN));
            var first = rows.First(r => r.Sex == SexNames[sex] && r.Decile == 1);
            var last = rows.First(r => r.Sex == SexNames[sex] && r.Decile == 10);
            lines.Add(new($"{SexNames[sex]} gap decile 10 - decile 1", last.Target - first.Target, last.Got - first.Got));
        }

        return (rows, lines);
    }

    private static double ExpectancyOrMidpoint(LifeTable table)
    {
        var estimate = table.AtBirth(ConfidenceLevel.Percent95);
        return double.IsNaN(estimate.Value) ? (estimate.Interval.Lower + estimate.Interval.Upper) / 2 : estimate.Value;
    }

    private static CalibrationSection Households(CalibrationTally tally)
    {
        var households = Math.Max(1, tally.Households);
        var lines = new List<CalibrationLine>
        {
            new("mean household size", 2.5, (double)tally.HouseholdMembers / households),
            new("one-person share of households", 0.30, (double)tally.OnePersonHouseholds / households, households),
        };
        return new CalibrationSection("Households", "ONS Census 2021 (England and Wales: 2.4 residents per household, 30.2% one-person households; London's households are larger)",
            lines, 0, "Census residents by household on Census day: an approximate check, since London-only figures are not shipped.");
    }

    private static List<CalibrationLine> Gradients(SyntheticModel model, CalibrationTally tally)
    {
        var lines = new List<CalibrationLine>();
        var diabetes = Array.IndexOf(ConditionCatalogue.AgeDriven, ConditionCatalogue.Type2Diabetes);
        double Prevalence(int c, int d) => tally.QofPeople[(c * 10) + d] == 0 ? 0 : (double)tally.QofCases[(c * 10) + d] / tally.QofPeople[(c * 10) + d];
        lines.Add(new("t2dm prevalence ratio decile 1 / decile 10", model.Conditions[diabetes].Targets[0] / model.Conditions[diabetes].Targets[9],
            Prevalence(diabetes, 0) / Math.Max(1e-9, Prevalence(diabetes, 9))));
        foreach (var setting in new[] { CareSetting.EmergencyAdmission, CareSetting.EmergencyDepartment, CareSetting.GeneralPractice })
        {
            double Rate(int d) => 1000.0 * tally.Contacts[((int)setting * 10) + d] / Math.Max(1e-9, tally.YearsByDecile[d]);
            lines.Add(new($"{CareSettings.Code(setting)} crude rate ratio decile 1 / decile 10 (target: the model's deprivation multiplier)",
                Math.Exp(CareSettings.DeprivationGradient(setting)), Rate(0) / Math.Max(1e-9, Rate(9))));
        }

        // Contacts per person-year: urgent and emergency care against London's published volumes per head (NHS England
        // A&E and hospital statistics, NHS 111 and London Ambulance Service activity, about 0.35, 0.08, 0.2 and 0.1);
        // GP and outpatients against the thinned volumes this generator chooses to write (docs/synthetic-london.md).
        var personYears = Math.Max(1e-9, tally.YearsByDecile.Sum());
        foreach (var (setting, target) in new[]
        {
            (CareSetting.EmergencyDepartment, 0.35), (CareSetting.EmergencyAdmission, 0.08), (CareSetting.Nhs111, 0.2),
            (CareSetting.Ambulance, 0.1), (CareSetting.GeneralPractice, 0.4), (CareSetting.Outpatient, 0.17),
        })
        {
            long contacts = 0;
            for (var d = 0; d < 10; d++)
                contacts += tally.Contacts[((int)setting * 10) + d];
            lines.Add(new($"{CareSettings.Code(setting)} contacts per person-year", target, contacts / personYears, personYears));
        }

        var settings = model.Settings;
        var y2019 = 2019 - settings.FromYear;
        var y2020 = 2020 - settings.FromYear;
        if (y2019 >= 0 && y2020 < settings.ToYear - settings.FromYear + 1)
        {
            var years = settings.ToYear - settings.FromYear + 1;
            foreach (var setting in new[] { CareSetting.EmergencyDepartment, CareSetting.EmergencyAdmission, CareSetting.Nhs111 })
            {
                double Rate(int y) => tally.ContactsByYear[((int)setting * years) + y] / Math.Max(1e-9, tally.YearsByYear[y]);
                lines.Add(new($"{CareSettings.Code(setting)} rate 2020 / 2019", CareSettings.YearFactor(setting, 2020), Rate(y2020) / Math.Max(1e-9, Rate(y2019))));
            }
        }

        var smokingFirst = tally.SmokingRecords[0] == 0 ? 0 : (double)tally.Smokers[0] / tally.SmokingRecords[0];
        var smokingLast = tally.SmokingRecords[9] == 0 ? 0 : (double)tally.Smokers[9] / tally.SmokingRecords[9];
        lines.Add(new("smokers among recorded statuses, decile 1 / decile 10", Math.Exp(1.1 * 1), smokingFirst / Math.Max(1e-9, smokingLast)));
        // ONS, Births in England and Wales 2021: 110,961 live births to London residents.
        var periodYears = settings.ToYear - settings.FromYear + 1;
        lines.Add(new("births a year", 110_961 * settings.Scale, (double)tally.Births / periodYears, periodYears));
        lines.Add(new("national data opt-out share on 1 January 2023", 0.054, (double)tally.OptOuts / Math.Max(1, tally.OptOutPeople), tally.OptOutPeople));
        return lines;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double total = 0;
        foreach (var v in values)
            total += v;
        return total;
    }
}
