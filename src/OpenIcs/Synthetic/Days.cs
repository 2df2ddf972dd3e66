using System.Globalization;

namespace OpenIcs.Synthetic;

/// <summary>Dates as whole day numbers (<see cref="DateOnly.DayNumber"/>), the generator's unit of time.</summary>
internal static class Days
{
    /// <summary>Days in a mean Gregorian year.</summary>
    public const double PerYear = 365.2425;

    /// <summary>Census 2021 day, 21 March 2021: the day the population is anchored to.</summary>
    public static readonly int CensusDay = Of(2021, 3, 21);

    /// <summary>The day prevalence is calibrated on: Census day. The QOF 2019/20 registers end a year earlier (31 March
    /// 2020), but on Census day the model's population is exactly the Census one, and prevalence moves little in a year.</summary>
    public static readonly int PrevalenceDay = CensusDay;

    /// <summary>The day number of a calendar date.</summary>
    public static int Of(int year, int month, int day) => new DateOnly(year, month, day).DayNumber;

    /// <summary>1 January of <paramref name="year"/>.</summary>
    public static int StartOf(int year) => Of(year, 1, 1);

    /// <summary>The calendar year a day falls in.</summary>
    public static int YearOf(int day) => DateOnly.FromDayNumber(day).Year;

    /// <summary>Age in (fractional) years on <paramref name="day"/> for someone born on <paramref name="birthDay"/>.</summary>
    public static double Age(int birthDay, int day) => (day - birthDay) / PerYear;

    /// <summary>Age in completed years on <paramref name="day"/>.</summary>
    public static int WholeAge(int birthDay, int day)
    {
        var birth = DateOnly.FromDayNumber(birthDay);
        var on = DateOnly.FromDayNumber(day);
        var age = on.Year - birth.Year;
        return on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day) ? age - 1 : age;
    }

    /// <summary>Writes the FHIR date (yyyy-MM-dd) of <paramref name="day"/> as UTF-8; returns the bytes written (10).</summary>
    public static int Format(int day, Span<byte> destination)
    {
        DateOnly.FromDayNumber(day).Deconstruct(out var year, out var month, out var date);
        destination[0] = (byte)('0' + (year / 1000));
        destination[1] = (byte)('0' + (year / 100 % 10));
        destination[2] = (byte)('0' + (year / 10 % 10));
        destination[3] = (byte)('0' + (year % 10));
        destination[4] = (byte)'-';
        destination[5] = (byte)('0' + (month / 10));
        destination[6] = (byte)('0' + (month % 10));
        destination[7] = (byte)'-';
        destination[8] = (byte)('0' + (date / 10));
        destination[9] = (byte)('0' + (date % 10));
        return 10;
    }

    /// <summary>The FHIR date text of <paramref name="day"/>.</summary>
    public static string Text(int day) => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
