using System.Globalization;

namespace OpenIcs.Record.Search;

/// <summary>The span of time a FHIR date, dateTime or instant stands for at its precision, as Unix milliseconds with an
/// exclusive end: <c>2020</c> is all of 2020, <c>2020-03-04T10:00:00Z</c> one second.</summary>
/// <remarks>Values without a time zone are read as UTC. <see cref="Low"/> = <see cref="long.MinValue"/> means open
/// at the start, <see cref="High"/> = <see cref="long.MaxValue"/> open at the end (e.g. a period still running).</remarks>
public readonly record struct DateRange(long Low, long High)
{
    /// <summary>A range with no end: for a period whose end is missing.</summary>
    public const long Open = long.MaxValue;

    /// <summary>Reads a FHIR date, dateTime or instant (or a search value, which may stop at minutes).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateRange range)
    {
        range = default;
        text = text.Trim();
        if (text.Length < 4 || !TryDigits(text[..4], out var year) || year < 1)
            return false;
        if (text.Length == 4)
            return Make(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc), d => d.AddYears(1), out range);
        if (text[4] != '-' || text.Length < 7 || !TryDigits(text[5..7], out var month) || month is < 1 or > 12)
            return false;
        if (text.Length == 7)
            return Make(new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc), d => d.AddMonths(1), out range);
        if (text[7] != '-' || text.Length < 10 || !TryDigits(text[8..10], out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        if (text.Length == 10)
            return Make(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc), d => d.AddDays(1), out range);
        if (text[10] != 'T')
            return false;

        // A time: hh:mm[:ss[.fff…]] then Z, +hh:mm, -hh:mm or nothing (UTC).
        var rest = text[11..];
        var zoneAt = rest.IndexOfAny('Z', '+', '-');
        var clock = zoneAt < 0 ? rest : rest[..zoneAt];
        var offset = TimeSpan.Zero;
        if (zoneAt >= 0 && !TryOffset(rest[zoneAt..], out offset))
            return false;
        if (clock.Length < 5 || clock[2] != ':' || !TryDigits(clock[..2], out var hour) || !TryDigits(clock[3..5], out var minute)
            || hour > 23 || minute > 59)
            return false;
        var start = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc) - offset;
        if (clock.Length == 5)
            return Make(start, d => d.AddMinutes(1), out range);
        if (clock.Length < 8 || clock[5] != ':' || !TryDigits(clock[6..8], out var second) || second > 59)
            return false;
        start = start.AddSeconds(second);
        if (clock.Length == 8)
            return Make(start, d => d.AddSeconds(1), out range);
        if (clock[8] != '.' || clock.Length == 9 || !TryDigits(clock[9..], out _))
            return false;
        var fraction = clock[9..];
        var digits = Math.Min(fraction.Length, 7);
        var ticks = long.Parse(fraction[..digits], CultureInfo.InvariantCulture) * (long)Math.Pow(10, 7 - digits);
        start = start.AddTicks(ticks);
        // Milliseconds are the finest grain stored; anything finer is one millisecond wide.
        var low = Milliseconds(start);
        range = new DateRange(low, low + Math.Max(1, (long)Math.Pow(10, Math.Max(0, 3 - fraction.Length))));
        return true;
    }

    /// <summary>The range of one instant (a server timestamp): one millisecond wide.</summary>
    public static DateRange At(DateTimeOffset instant)
    {
        var low = instant.ToUnixTimeMilliseconds();
        return new DateRange(low, low + 1);
    }

    /// <summary>Unix milliseconds of <paramref name="instant"/>.</summary>
    public static long Milliseconds(DateTime instant) => new DateTimeOffset(instant, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static bool Make(DateTime start, Func<DateTime, DateTime> next, out DateRange range)
    {
        DateTime end;
        try
        {
            end = next(start);
        }
        catch (ArgumentOutOfRangeException)
        {
            end = DateTime.MaxValue;
        }

        range = new DateRange(Milliseconds(start), Milliseconds(end));
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<char> zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone is "Z")
            return true;
        if (zone.Length != 6 || zone[3] != ':' || !TryDigits(zone[1..3], out var hours) || !TryDigits(zone[4..6], out var minutes)
            || hours > 14 || minutes > 59)
            return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (zone[0] == '-')
            offset = -offset;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.Length == 0)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            if (value < 100_000_000)
                value = value * 10 + (c - '0');
        }

        return true;
    }
}
