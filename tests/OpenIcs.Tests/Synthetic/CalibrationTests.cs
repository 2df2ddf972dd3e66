using OpenIcs.Synthetic;

namespace OpenIcs.Tests.Synthetic;

/// <summary>At 1% of London (about 96,000 residents) the marginals and the published inequality directions hold.</summary>
public class CalibrationTests(GeneratedLondon london)
{
    [Fact]
    public async Task Residents_match_Census_2021_by_borough_sex_and_age()
    {
        var report = (await london.CalibrationAsync()).Report;
        var population = report.Section("Residents by borough, sex and age");
        Assert.InRange(population.Line("London").RelativeError, -0.002, 0.002);
        Assert.All(population.Lines.Where(l => l.Measure.EndsWith(" all", StringComparison.Ordinal) && l.Target > 500),
            l => Assert.InRange(l.RelativeError, -0.01, 0.01));
        Assert.InRange(Math.Abs(population.Largest!.RelativeError), 0, 0.05);
    }

    [Fact]
    public async Task Ethnic_groups_match_Census_2021_in_London_and_by_borough()
    {
        var ethnicity = (await london.CalibrationAsync()).Report.Section("Ethnicity by borough");
        foreach (var broad in Enum.GetNames<EthnicGroups.Broad>())
        {
            var line = ethnicity.Line($"London {broad} share");
            Assert.InRange(line.Got - line.Target, -0.01, 0.01);
        }

        Assert.InRange(Math.Abs(ethnicity.Largest!.RelativeError), 0, 0.15);
        var bangladeshi = ethnicity.Line("Tower Hamlets asian_bangladeshi");
        Assert.InRange(bangladeshi.RelativeError, -0.1, 0.1);
    }

    [Fact]
    public async Task Residents_spread_over_IMD_deciles_as_the_LSOA_estimates_do()
    {
        var deprivation = (await london.CalibrationAsync()).Report.Section("Residents by IMD 2019 decile");
        Assert.All(deprivation.Lines, l => Assert.InRange(l.RelativeError, -0.08, 0.08));
    }

    [Fact]
    public async Task London_prevalence_of_every_condition_is_within_three_standard_errors_of_its_target()
    {
        var conditions = (await london.CalibrationAsync()).Report.Section("Condition prevalence by IMD decile (Census day 2021)");
        var wholeCity = conditions.Lines.Where(l => l.Measure.EndsWith(" London", StringComparison.Ordinal) && l.Expected >= 250).ToList();
        Assert.True(wholeCity.Count >= 14, $"only {wholeCity.Count} conditions with enough cases");
        // A count expecting E cases has a standard error of about sqrt(E): 3 / sqrt(E) relative, never tighter than 5%.
        Assert.All(wholeCity, l => Assert.True(Math.Abs(l.RelativeError) < Math.Max(0.05, 3 / Math.Sqrt(l.Expected)),
            $"{l.Measure}: target {l.Target:P2}, got {l.Got:P2}"));
    }

    [Fact]
    public async Task Condition_gradients_follow_the_QOF_deprivation_gradient_in_direction()
    {
        var conditions = (await london.CalibrationAsync()).Report.Section("Condition prevalence by IMD decile (Census day 2021)");
        var checkedConditions = 0;
        foreach (var key in ConditionCatalogue.AgeDriven.Where(c => c.QofRegister is not null).Select(c => c.Key))
        {
            double Pooled(int a, int b, Func<CalibrationLine, double> value) =>
                (value(conditions.Line($"{key} decile {a}")) * conditions.Line($"{key} decile {a}").Base
                 + value(conditions.Line($"{key} decile {b}")) * conditions.Line($"{key} decile {b}").Base)
                / (conditions.Line($"{key} decile {a}").Base + conditions.Line($"{key} decile {b}").Base);
            var targetRatio = Pooled(1, 2, l => l.Target) / Pooled(9, 10, l => l.Target);
            if (Math.Abs(Math.Log(targetRatio)) < Math.Log(1.25))
                continue;
            var gotRatio = Pooled(1, 2, l => l.Got) / Pooled(9, 10, l => l.Got);
            Assert.True(Math.Sign(Math.Log(gotRatio)) == Math.Sign(Math.Log(targetRatio)),
                $"{key}: deciles 1-2 against 9-10 target ratio {targetRatio:0.00}, got {gotRatio:0.00}");
            checkedConditions++;
        }

        Assert.True(checkedConditions >= 5, $"only {checkedConditions} conditions have a clear gradient");
        var diabetes = (await london.CalibrationAsync()).Report.Gradient("t2dm prevalence ratio decile 1 / decile 10");
        Assert.InRange(diabetes.Got, 1.2, 2.0);
    }

    [Fact]
    public async Task Life_expectancy_reproduces_London_levels_and_a_deprivation_gap_within_the_published_range()
    {
        var report = (await london.CalibrationAsync()).Report;
        var life = report.Section("Life expectancy");
        Assert.InRange(life.Line("female London life expectancy").Got, 84.4, 86.4);
        Assert.InRange(life.Line("male London life expectancy").Got, 80.6, 82.6);
        // England's slope index (9.4 years for males, 7.6 for females, ONS 2017-19) is the upper bound for London.
        Assert.InRange(life.Line("male slope index of inequality").Got, 3.0, 9.4);
        Assert.InRange(life.Line("female slope index of inequality").Got, 2.0, 7.6);
        foreach (var sex in new[] { "female", "male" })
        {
            var rows = report.LifeExpectancy.Where(r => r.Sex == sex).ToList();
            double Mean(params int[] deciles) => rows.Where(r => deciles.Contains(r.Decile)).Sum(r => r.Got * r.PersonYears)
                / rows.Where(r => deciles.Contains(r.Decile)).Sum(r => r.PersonYears);
            Assert.True(Mean(9, 10) - Mean(1, 2) > 1.5, $"{sex}: least deprived {Mean(9, 10):0.0}, most deprived {Mean(1, 2):0.0}");
        }
    }

    [Fact]
    public async Task Urgent_care_rises_with_deprivation_and_shows_the_2020_disruption()
    {
        var report = (await london.CalibrationAsync()).Report;
        Assert.True(report.Gradient("emergency-admission crude rate ratio decile 1 / decile 10 (target: the model's deprivation multiplier)").Got > 1.1);
        Assert.True(report.Gradient("emergency-department crude rate ratio decile 1 / decile 10 (target: the model's deprivation multiplier)").Got > 1.1);
        Assert.InRange(report.Gradient("emergency-department rate 2020 / 2019").Got, 0.55, 0.85);
        Assert.InRange(report.Gradient("nhs-111 rate 2020 / 2019").Got, 1.2, 1.6);
        Assert.InRange(report.Gradient("smokers among recorded statuses, decile 1 / decile 10").Got, 2.0, 4.0);
    }

    [Fact]
    public async Task About_five_percent_opt_out_and_births_match_London_s_annual_births()
    {
        var report = (await london.CalibrationAsync()).Report;
        Assert.InRange(report.Gradient("national data opt-out share on 1 January 2023").Got, 0.045, 0.065);
        Assert.InRange(report.Gradient("births a year").RelativeError, -0.05, 0.05);
    }

    [Fact]
    public async Task Households_hold_about_two_people_even_in_the_small_neighbourhoods_of_a_1_percent_run()
    {
        // At 1% an LSOA has about 18 residents, too few to pair everyone; sizes reach London's 2.5 from scale 0.1.
        var households = (await london.CalibrationAsync()).Report.Section("Households");
        Assert.InRange(households.Line("mean household size").Got, 1.9, 3.0);
        Assert.InRange(households.Line("one-person share of households").Got, 0.15, 0.5);
    }

    [Fact]
    public async Task The_report_is_written_beside_the_output_with_the_largest_error_of_each_section()
    {
        var run = await london.CalibrationAsync();
        var markdown = await File.ReadAllTextAsync(Path.Combine(run.OutputFolder, SyntheticLondon.ReportMarkdown), TestContext.Current.CancellationToken);
        Assert.Contains("| Residents by borough, sex and age |", markdown, StringComparison.Ordinal);
        Assert.Contains("## Life expectancy at birth by IMD decile (years)", markdown, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run.OutputFolder, SyntheticLondon.ReportJson)));
        Assert.Contains(run.Manifest.Files, f => f.File == SyntheticLondon.ReportJson);
    }
}
