using System.Globalization;
using System.Text;
using OpenIcs.Statistics;

namespace OpenIcs.Cli.Stats;

/// <summary>One output row of <c>openics stats</c>: a group's statistic at each requested confidence level.</summary>
/// <param name="Group">The group as named in the input.</param>
/// <param name="Estimates">The statistic at each requested level, in the order requested.</param>
/// <param name="Extras">Values for the method's extra columns (numerator, denominator…), in order.</param>
internal sealed record StatsResult(string Group, IReadOnlyList<Estimate> Estimates, IReadOnlyList<double> Extras)
{
    /// <summary>Writes the results as CSV: group, value, a lower and upper column per level, the extras and a note.</summary>
    public static void Write(TextWriter output, IReadOnlyList<ConfidenceLevel> levels, IReadOnlyList<string> extraColumns, IEnumerable<StatsResult> results)
    {
        var header = new List<string> { "group", "value" };
        foreach (var level in levels)
        {
            var suffix = level.Percent.ToString(CultureInfo.InvariantCulture).Replace('.', '_');
            header.Add($"lower_{suffix}");
            header.Add($"upper_{suffix}");
        }

        header.AddRange(extraColumns);
        header.Add("note");
        output.WriteLine(string.Join(",", header));

        var line = new StringBuilder();
        foreach (var result in results)
        {
            line.Clear();
            line.Append(Quote(result.Group)).Append(',').Append(Format(result.Estimates[0].Value));
            foreach (var estimate in result.Estimates)
            {
                line.Append(',').Append(Format(estimate.Interval.Lower)).Append(',').Append(Format(estimate.Interval.Upper));
            }

            foreach (var extra in result.Extras)
            {
                line.Append(',').Append(Format(extra));
            }

            line.Append(',').Append(Quote(result.Estimates[0].Note ?? ""));
            output.WriteLine(line.ToString());
        }
    }

    private static string Format(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
