using System.Globalization;
using System.Text;

namespace OpenIcs.Cli.Stats;

/// <summary>The rows of a <c>stats</c> input file, with the checks that turn bad cells into one clear error.</summary>
/// <remarks>
/// RFC 4180 CSV: a header row, commas, fields optionally in double quotes (doubled quotes inside). Rows are numbered as a
/// spreadsheet shows them: the header is row 1, the first data row is row 2. Column names match exactly.
/// </remarks>
internal sealed class StatsCsv
{
    private readonly Dictionary<string, int> _columns;

    private StatsCsv(string file, Dictionary<string, int> columns, List<(int Row, string[] Fields)> rows)
    {
        File = file;
        _columns = columns;
        Rows = rows;
    }

    /// <summary>The file as the user named it, for messages.</summary>
    public string File { get; }

    /// <summary>The data rows with their spreadsheet row numbers (the header is row 1).</summary>
    public IReadOnlyList<(int Row, string[] Fields)> Rows { get; }

    /// <summary>Whether the header has <paramref name="column"/>.</summary>
    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>Reads <paramref name="path"/>, requiring every one of <paramref name="required"/> in its header.</summary>
    public static StatsCsv Read(string path, IReadOnlyList<string> required)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot read '{path}': {e.Message}");
        }

        var records = Parse(text, path);
        var expected = string.Join(",", required);
        if (records.Count == 0 || (records.Count == 1 && records[0].Fields is [""]))
        {
            throw new CliException($"{path} is empty: expected a header row '{expected}' and data rows.");
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var header = records[0].Fields;
        for (var i = 0; i < header.Length; i++)
        {
            columns.TryAdd(header[i].Trim(), i);
        }

        foreach (var column in required)
        {
            if (!columns.ContainsKey(column))
            {
                throw new CliException($"{path} row 1: missing column '{column}' (the header must name {expected}).");
            }
        }

        var rows = records.Skip(1).Where(r => r.Fields is not [""]).ToList();
        if (rows.Count == 0)
        {
            throw new CliException($"{path} has a header but no data rows.");
        }

        foreach (var (row, fields) in rows)
        {
            if (fields.Length != header.Length)
            {
                throw new CliException($"{path} row {row}: {fields.Length} cells where the header has {header.Length}.");
            }
        }

        return new StatsCsv(path, columns, rows);
    }

    /// <summary>The text of <paramref name="column"/> in <paramref name="fields"/>, trimmed.</summary>
    public string Text(string[] fields, string column) => fields[_columns[column]].Trim();

    /// <summary>A non-empty label (a group, an age band).</summary>
    public string Label(int row, string[] fields, string column)
    {
        var text = Text(fields, column);
        return text.Length > 0 ? text : throw Bad(row, column, "is empty");
    }

    /// <summary>A finite number.</summary>
    public double Number(int row, string[] fields, string column)
    {
        var text = Text(fields, column);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Bad(row, column, $"'{text}' is not a number");
    }

    /// <summary>A count or population: a number that is not negative.</summary>
    public double Count(int row, string[] fields, string column)
    {
        var value = Number(row, fields, column);
        return value >= 0 ? value : throw Bad(row, column, $"'{Text(fields, column)}' is negative; counts and populations must be zero or more");
    }

    /// <summary>A population that must be more than zero.</summary>
    public double Positive(int row, string[] fields, string column)
    {
        var value = Count(row, fields, column);
        return value > 0 ? value : throw Bad(row, column, "is 0; it must be more than zero");
    }

    /// <summary>The one-line error for a cell.</summary>
    public CliException Bad(int row, string column, string problem) => new($"{File} row {row}, column '{column}': {problem}.");

    private static List<(int Row, string[] Fields)> Parse(string text, string path)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var row = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add((row++, fields.ToArray()));
                fields.Clear();
            }
            else if (c != '\uFEFF' || i != 0)
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new CliException($"{path} row {row}: a quoted cell is never closed.");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((row, fields.ToArray()));
        }

        return records;
    }
}
