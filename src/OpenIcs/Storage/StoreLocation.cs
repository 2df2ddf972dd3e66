namespace OpenIcs.Storage;

/// <summary>Which database engine holds the record.</summary>
public enum StoreKind
{
    /// <summary>Embedded SQLite file: the zero set-up default.</summary>
    Sqlite,

    /// <summary>PostgreSQL: the production store.</summary>
    Postgres,
}

/// <summary>Where the record lives, as given by <c>--store sqlite:PATH</c> or <c>--store "postgres:CONNECTION STRING"</c>.</summary>
/// <remarks><c>default</c> is not a usable location; create one with <see cref="Parse"/> or <see cref="TryParse"/>.</remarks>
public sealed record StoreLocation
{
    private StoreLocation(StoreKind kind, string target)
    {
        Kind = kind;
        Target = target;
    }

    /// <summary>The database engine.</summary>
    public StoreKind Kind { get; }

    /// <summary>For SQLite the database file path; for PostgreSQL the Npgsql connection string.</summary>
    public string Target { get; }

    /// <summary>A SQLite store in the file at <paramref name="path"/>.</summary>
    public static StoreLocation Sqlite(string path) =>
        string.IsNullOrWhiteSpace(path)
            ? throw new ArgumentException("A SQLite store needs a file path.", nameof(path))
            : new StoreLocation(StoreKind.Sqlite, path);

    /// <summary>A PostgreSQL store reached with <paramref name="connectionString"/>.</summary>
    public static StoreLocation Postgres(string connectionString) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new ArgumentException("A PostgreSQL store needs a connection string.", nameof(connectionString))
            : new StoreLocation(StoreKind.Postgres, connectionString);

    /// <summary>Reads <c>sqlite:PATH</c> or <c>postgres:CONNECTION STRING</c>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? text, out StoreLocation location, out string error)
    {
        location = null!;
        error = "";
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0)
        {
            error = $"'{text}' is not a store: use sqlite:PATH or \"postgres:CONNECTION STRING\".";
            return false;
        }

        var scheme = text[..colon].Trim().ToLowerInvariant();
        var target = text[(colon + 1)..].Trim();
        if (target.Length == 0)
        {
            error = $"'{text}' names no {(scheme == "sqlite" ? "file" : "connection string")}.";
            return false;
        }

        switch (scheme)
        {
            case "sqlite":
                location = new StoreLocation(StoreKind.Sqlite, target);
                return true;
            case "postgres" or "postgresql":
                location = new StoreLocation(StoreKind.Postgres, target);
                return true;
            default:
                error = $"'{scheme}' is not a store kind: use sqlite:PATH or \"postgres:CONNECTION STRING\".";
                return false;
        }
    }

    /// <summary>Parses like <see cref="TryParse"/> and throws <see cref="FormatException"/> on failure.</summary>
    public static StoreLocation Parse(string text) =>
        TryParse(text, out var location, out var error) ? location : throw new FormatException(error);

    /// <summary>The full form that <see cref="Parse"/> reads back, password included: pass it on, never log it.</summary>
    public string Text => Kind == StoreKind.Sqlite ? $"sqlite:{Target}" : $"postgres:{Target}";

    /// <summary>A description safe to log and print: never the password.</summary>
    public override string ToString() => Kind switch
    {
        StoreKind.Sqlite => $"sqlite:{Target}",
        _ => $"postgres:{RedactPassword(Target)}",
    };

    private static string RedactPassword(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(';', parts.Select(part =>
            part.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase) ? "Password=***" : part));
    }
}
