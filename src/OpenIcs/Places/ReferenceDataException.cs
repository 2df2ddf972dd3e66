namespace OpenIcs.Places;

/// <summary>A reference-data file that cannot be used, with the file, line and column at fault.</summary>
public sealed class ReferenceDataException : Exception
{
    /// <summary>Creates the error; the message reads "FILE line N, column 'C': PROBLEM".</summary>
    public ReferenceDataException(string file, int line, string? column, string problem)
        : base(column is null ? $"{file} line {line}: {problem}" : $"{file} line {line}, column '{column}': {problem}")
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>Creates an error about a whole file (missing, empty).</summary>
    public ReferenceDataException(string file, string problem) : base($"{file}: {problem}")
    {
        File = file;
    }

    /// <summary>The file's name.</summary>
    public string File { get; }

    /// <summary>The 1-based line in the file (the header is line 1); 0 for the whole file.</summary>
    public int Line { get; }

    /// <summary>The column at fault, when one is.</summary>
    public string? Column { get; }
}
