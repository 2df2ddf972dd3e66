namespace OpenIcs.Storage;

/// <summary>Receives one row's values, in the order of <see cref="BulkRows.Columns"/>, without boxing them.</summary>
public interface IBulkValues
{
    /// <summary>An integer column (SQLite INTEGER, PostgreSQL bigint or integer).</summary>
    void Add(long value);

    /// <summary>A floating-point column.</summary>
    void Add(double value);

    /// <summary>A text column; null writes NULL.</summary>
    void Add(string? value);

    /// <summary>A binary column; null writes NULL.</summary>
    void Add(byte[]? value);
}

/// <summary>The PostgreSQL type of a bulk column, which binary COPY must name.</summary>
public enum BulkType
{
    /// <summary>bigint.</summary>
    Integer8,

    /// <summary>integer.</summary>
    Integer4,

    /// <summary>double precision.</summary>
    Real8,

    /// <summary>text.</summary>
    Text,

    /// <summary>bytea.</summary>
    Bytes,
}

/// <summary>A batch of rows for one table, written by the dialect's fastest bulk path (binary COPY on PostgreSQL,
/// one prepared insert reused on SQLite) inside the caller's transaction.</summary>
public abstract class BulkRows
{
    /// <summary>The table the rows go to.</summary>
    public abstract string Table { get; }

    /// <summary>The columns, in the order <see cref="WriteRow"/> adds values.</summary>
    public abstract IReadOnlyList<(string Name, BulkType Type)> Columns { get; }

    /// <summary>How many rows there are.</summary>
    public abstract int Count { get; }

    /// <summary>Adds the values of row <paramref name="index"/> to <paramref name="values"/>.</summary>
    public abstract void WriteRow(int index, IBulkValues values);
}
