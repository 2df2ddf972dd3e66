using System.CommandLine;
using OpenIcs.Cli.Stats;
using OpenIcs.Statistics;

namespace OpenIcs.Cli;

/// <summary><c>openics stats METHOD --input FILE.csv</c>: public-health statistics with confidence intervals, as CSV.</summary>
/// <remarks>
/// Methods and their input columns: proportion and rate (group, numerator, denominator), mean (group, value), dsr (group,
/// age_band, numerator, denominator[, standard_population]), isr (group, age_band, numerator, denominator, ref_numerator,
/// ref_denominator) and life_expectancy (group, age_band, deaths, population). Output: group, value, lower/upper per
/// confidence level, extra columns, note. A blank value means "not published" and the note says why. Bad input is one
/// line naming the file, the row (the header is row 1) and the column, with exit code 2.
/// </remarks>
public static class StatsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var method = new Argument<string>("METHOD")
        {
            Description = $"The statistic: {string.Join(", ", StatsMethods.Names)}.",
        };
        var input = new Option<string>("--input")
        {
            Description = "CSV with a header row; rows are numbered from 1 at the header in error messages.",
            Required = true,
        };
        var multiplier = new Option<double?>("--multiplier")
        {
            Description = "Express values per this many (100 for a percentage). Defaults: proportion 1, rate and dsr 100000, isr 1.",
        };
        var confidence = new Option<string>("--confidence")
        {
            Description = "Confidence level(s) in percent: 95, 99.8 or 95,99.8.",
            DefaultValueFactory = _ => "95",
        };

        var command = new Command("stats", "Public-health statistics (Wilson, Byar, Dobson DSR, ISR, Chiang life expectancy) from a CSV file.");
        command.Arguments.Add(method);
        command.Options.Add(input);
        command.Options.Add(multiplier);
        command.Options.Add(confidence);
        command.SetAction(result =>
        {
            var name = result.GetValue(method)!;
            var columns = StatsMethods.Columns(name);
            var levels = ParseLevels(result.GetValue(confidence)!);
            var factor = result.GetValue(multiplier);
            if (factor is { } m && !(m > 0 && double.IsFinite(m)))
            {
                throw new CliException($"--multiplier {m} must be a number greater than zero.");
            }

            var csv = StatsCsv.Read(result.GetValue(input)!, columns);
            var (extras, results) = StatsMethods.Run(name, csv, levels, factor);
            StatsResult.Write(result.InvocationConfiguration.Output, levels, extras, results);
            return OpenIcsCli.Ok;
        });
        return command;
    }

    private static List<ConfidenceLevel> ParseLevels(string text)
    {
        var levels = new List<ConfidenceLevel>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!ConfidenceLevel.TryParse(part, out var level))
            {
                throw new CliException($"--confidence '{text}': each level must be a percentage from 90 to under 100, e.g. 95 or 95,99.8.");
            }

            if (!levels.Contains(level))
            {
                levels.Add(level);
            }
        }

        return levels;
    }
}
