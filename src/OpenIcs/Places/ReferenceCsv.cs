using System.Globalization;
using CsvHelper;

namespace OpenIcs.Places;

/// <summary>Reads one reference CSV file row by row; every bad value becomes a <see cref="ReferenceDataException"/>
/// naming the file, line and column.</summary>
public sealed class ReferenceCsv : IDisposable
{
    private readonly CsvReader _csv;

    private ReferenceCsv(string path, string[] requiredColumns)
    {
        FileName = Path.GetFileName(path);
        if (!System.IO.File.Exists(path))
            throw new ReferenceDataException(FileName, $"the file is missing (looked in {Path.GetDirectoryName(Path.GetFullPath(path))}).");
        _csv = CsvReader.FromFile(path, new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
            FormatProvider = CultureInfo.InvariantCulture,
        }, FileOptions.SequentialScan);
        _csv.ReadHeader();
        var header = _csv.Headers;
        if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            Dispose();
            throw new ReferenceDataException(FileName, "the file is empty: a header row is expected.");
        }

        var missing = requiredColumns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            Dispose();
            throw new ReferenceDataException(FileName, 1, missing[0], "this column is missing from the header.");
        }
    }

    /// <summary>The file's name, as errors report it.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line of the current row (the header is line 1).</summary>
    public int Line => (int)_csv.LineNumber;

    /// <summary>Opens <paramref name="path"/> and checks that its header has every one of <paramref name="requiredColumns"/>.</summary>
    public static ReferenceCsv Open(string path, params string[] requiredColumns) => new(path, requiredColumns);

    /// <summary>Moves to the next data row; false at the end of the file.</summary>
    public bool Read()
    {
        try
        {
            return _csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw new ReferenceDataException(FileName, Line, null, $"the row cannot be read as CSV: {e.Message}");
        }
    }

    /// <summary>The value of <paramref name="column"/>, trimmed; an error when blank.</summary>
    public string Text(string column) =>
        OptionalText(column) ?? throw Error(column, "a value is required here but the cell is blank.");

    /// <summary>The value of <paramref name="column"/>, trimmed, or null when blank.</summary>
    public string? OptionalText(string column)
    {
        var value = _csv.GetStringOrNull(column)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>A whole number in <paramref name="column"/>, at least <paramref name="min"/>.</summary>
    public int WholeNumber(string column, int min = 0, int max = int.MaxValue)
    {
        var text = Text(column);
        // Some published counts carry a decimal point (e.g. "1749.0"); accept them only when whole.
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number != Math.Floor(number))
            throw Error(column, $"'{text}' is not a whole number.");
        if (number < min || number > max)
            throw Error(column, $"{text} is outside the allowed range {min}-{max}.");
        return (int)number;
    }

    /// <summary>A whole number in <paramref name="column"/>, or null when blank.</summary>
    public int? OptionalWholeNumber(string column, int min = 0) => OptionalText(column) is null ? null : WholeNumber(column, min);

    /// <summary>A decimal number in <paramref name="column"/>.</summary>
    public double Number(string column)
    {
        var text = Text(column);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw Error(column, $"'{text}' is not a number.");
    }

    /// <summary>A decimal number in <paramref name="column"/>, or null when blank.</summary>
    public double? OptionalNumber(string column) => OptionalText(column) is null ? null : Number(column);

    /// <summary>A code in <paramref name="column"/> read with <paramref name="tryParse"/>; <paramref name="rule"/> explains a failure.</summary>
    public T Code<T>(string column, TryParse<T> tryParse, Func<string?, string> rule)
    {
        var text = OptionalText(column);
        return tryParse(text, out var code) ? code : throw Error(column, rule(text));
    }

    /// <summary>An error about <paramref name="column"/> on the current line.</summary>
    public ReferenceDataException Error(string? column, string problem) => new(FileName, Line, column, problem);

    /// <inheritdoc />
    public void Dispose() => _csv.Dispose();
}

/// <summary>The shape of the code types' <c>TryParse</c> methods.</summary>
public delegate bool TryParse<T>(string? text, out T value);
