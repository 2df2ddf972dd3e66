using System.Globalization;

namespace OpenIcs.Cli.Tests.Stats;

public class StatsCommandTests
{
    private static readonly string[] EspBands =
        ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+"];

    private static readonly string[] LifeTableBands =
        ["0", "1-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+"];

    // PHEindicatormethods tests/testthat/testLifeExpectancy.R, df1.
    private static readonly int[] Population =
        [7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601, 50209, 56416, 46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936];

    private static readonly int[] Deaths = [17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937];

    [Fact]
    public async Task Proportion_prints_one_row_per_group_with_both_confidence_levels()
    {
        using var input = new InputFile("group,numerator,denominator", "Barking,60,100", "Barking,5,0.5e3", "Camden,0,50");

        var run = await CliRun.RunAsync("stats", "proportion", "--input", input.Path, "--multiplier", "100", "--confidence", "95,99.8");

        Assert.Equal(OpenIcsCli.Ok, run.ExitCode);
        var rows = Rows(run.Output);
        Assert.Equal("group,value,lower_95,upper_95,lower_99_8,upper_99_8,numerator,denominator,note", run.Output.Split('\n')[0].TrimEnd());
        Assert.Equal(["Barking", "Camden"], rows.Select(r => r[0]));
        // 65 of 600 (the two Barking rows summed); Wilson limits from the published formula (mpmath).
        AssertNumber(100 * 65.0 / 600, rows[0][1]);
        Assert.Equal("0", rows[1][1]);
        AssertNumber(0, rows[1][2]);
        AssertNumber(7.134759913335871, rows[1][3]);
    }

    [Fact]
    public async Task Rate_defaults_to_per_100000_with_exact_limits_under_10_events()
    {
        using var input = new InputFile("group,numerator,denominator", "Hackney,1,1000");

        var run = await CliRun.RunAsync("stats", "rate", "--input", input.Path);

        var row = Rows(run.Output)[0];
        AssertNumber(100, row[1]);
        AssertNumber(2.5317807984289875, row[2]);
        AssertNumber(557.16433909388986, row[3]);
    }

    [Fact]
    public async Task Dsr_uses_ESP_2013_and_leaves_groups_under_10_events_blank_with_a_note()
    {
        var lines = new List<string> { "group,age_band,numerator,denominator" };
        for (var i = 0; i < 19; i++)
        {
            var events = i == 0 ? Deaths[0] + Deaths[1] : Deaths[i + 1];
            var people = i == 0 ? Population[0] + Population[1] : Population[i + 1];
            lines.Add($"Islington,{EspBands[i]},{events},{people}");
            lines.Add($"City of London,{EspBands[i]},{(i == 18 ? 9 : 0)},{people}");
        }

        using var input = new InputFile([.. lines]);

        var run = await CliRun.RunAsync("stats", "dsr", "--input", input.Path, "--confidence", "95,99.8");

        Assert.Equal(OpenIcsCli.Ok, run.ExitCode);
        var rows = Rows(run.Output);
        AssertNumber(1087.7735456811868, rows[0][1]);
        AssertNumber(1065.5233336471411, rows[0][2]);
        AssertNumber(1110.3663322478544, rows[0][3]);
        AssertNumber(1052.8513224338856, rows[0][4]);
        Assert.Equal(["City of London", "", "", "", "", "", "9"], rows[1][..7]);
        Assert.Contains("under 10", rows[1][^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dsr_with_its_own_standard_population_equals_the_crude_rate_when_shaped_like_it()
    {
        var lines = EspBands.Select((band, i) => $"Lambeth,{band},{i + 1},{(i + 1) * 1000},{(i + 1) * 10}");
        using var input = new InputFile(["group,age_band,numerator,denominator,standard_population", .. lines]);

        var run = await CliRun.RunAsync("stats", "dsr", "--input", input.Path, "--multiplier", "1000");

        // Every band's rate is 1 per 1000, so the DSR is 1 whatever the weights.
        AssertNumber(1, Rows(run.Output)[0][1], 1e-12);
    }

    [Fact]
    public async Task Life_expectancy_matches_the_reference_at_birth()
    {
        var lines = LifeTableBands.Select((band, i) => $"Tower Hamlets,{band},{Deaths[i]},{Population[i]}");
        using var input = new InputFile(["group,age_band,deaths,population", .. lines]);

        var run = await CliRun.RunAsync("stats", "life_expectancy", "--input", input.Path);

        var row = Rows(run.Output)[0];
        // Expected values from PHEindicatormethods tests/testthat/testLifeExpectancy.R (answer1, age 0).
        AssertNumber(80.16960813, row[1], 1e-6);
        AssertNumber(79.88268548, row[2], 1e-6);
        AssertNumber(80.45653078, row[3], 1e-6);
    }

    [Fact]
    public async Task Isr_is_observed_over_expected()
    {
        using var input = new InputFile(
            "group,age_band,numerator,denominator,ref_numerator,ref_denominator",
            "Newham,0-64,10,1000,100,20000",
            "Newham,65+,30,500,500,10000");

        var run = await CliRun.RunAsync("stats", "isr", "--input", input.Path);

        // Expected = 1000 × 0.005 + 500 × 0.05 = 30; observed 40; Byar limits of 40 (mpmath) divided by 30.
        var row = Rows(run.Output)[0];
        AssertNumber(40.0 / 30, row[1]);
        AssertNumber(0.952443328881230108, row[2]);
        AssertNumber(1.81566997733414163, row[3]);
    }

    [Fact]
    public async Task Mean_pools_each_group_s_observations()
    {
        using var input = new InputFile("group,value", "Brent,12.1", "Brent,9.8", "Brent,11.4", "Brent,10.2", "Brent,13.0",
            "Brent,8.7", "Brent,10.9", "Brent,11.8", "Brent,9.5", "Brent,12.4");

        var run = await CliRun.RunAsync("stats", "mean", "--input", input.Path);

        var row = Rows(run.Output)[0];
        AssertNumber(10.98, row[1]);
        AssertNumber(9.9797501473587845, row[2]);
        AssertNumber(11.980249852641215, row[3]);
    }

    [Theory]
    [InlineData("proportion", new[] { "group,numerator,denominator", "A,1,10", "B,2,10", "C,3,abc" }, "row 4, column 'denominator': 'abc' is not a number.")]
    [InlineData("proportion", new[] { "group,numerator", "A,1" }, "row 1: missing column 'denominator' (the header must name group,numerator,denominator).")]
    [InlineData("rate", new[] { "group,numerator,denominator", "A,-3,10" }, "row 2, column 'numerator': '-3' is negative; counts and populations must be zero or more.")]
    [InlineData("proportion", new[] { "group,numerator,denominator", "A,11,10" }, "row 2, column 'numerator': 11 is more than the denominator (10); a proportion cannot exceed 1.")]
    [InlineData("dsr", new[] { "group,age_band,numerator,denominator", "A,3-7,1,10" }, "row 2, column 'age_band': '3-7' is not an age band; use 0-4, 5-9, 10-14, 15-19, 20-24, 25-29, 30-34, 35-39, 40-44, 45-49, 50-54, 55-59, 60-64, 65-69, 70-74, 75-79, 80-84, 85-89, 90+.")]
    [InlineData("rate", new[] { "group,numerator,denominator", "A,1,0" }, "row 2, column 'denominator': is 0; it must be more than zero.")]
    [InlineData("rate", new string[0], "is empty: expected a header row 'group,numerator,denominator' and data rows.")]
    public async Task Bad_input_is_one_line_naming_file_row_and_column_with_exit_code_2(string method, string[] lines, string message)
    {
        using var input = new InputFile(lines);

        var run = await CliRun.RunAsync("stats", method, "--input", input.Path);

        Assert.Equal(OpenIcsCli.BadInput, run.ExitCode);
        Assert.Equal($"openics: {input.Path} {message}", run.Error.TrimEnd());
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("median", "95", "openics: unknown method 'median': use one of proportion, rate, mean, dsr, isr, life_expectancy.")]
    [InlineData("rate", "80", "openics: --confidence '80': each level must be a percentage from 90 to under 100, e.g. 95 or 95,99.8.")]
    public async Task Unknown_methods_and_levels_are_exit_code_2(string method, string confidence, string message)
    {
        using var input = new InputFile("group,numerator,denominator", "A,1,10");

        var run = await CliRun.RunAsync("stats", method, "--input", input.Path, "--confidence", confidence);

        Assert.Equal(OpenIcsCli.BadInput, run.ExitCode);
        Assert.Equal(message, run.Error.TrimEnd());
    }

    [Fact]
    public async Task An_unreadable_file_is_exit_code_2()
    {
        var run = await CliRun.RunAsync("stats", "rate", "--input", "/no/such/folder/input.csv");

        Assert.Equal(OpenIcsCli.BadInput, run.ExitCode);
        Assert.StartsWith("openics: cannot read '/no/such/folder/input.csv'", run.Error, StringComparison.Ordinal);
    }

    private static List<string[]> Rows(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r').Split(',')).ToList();

    private static void AssertNumber(double expected, string actual, double relative = 1e-9)
    {
        var value = double.Parse(actual, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(value - expected) <= Math.Max(1e-15, Math.Abs(expected) * relative), $"expected {expected:R}, got {actual}");
    }
}
