namespace OpenIcs.Synthetic;

/// <summary>NHS numbers for synthetic residents, from ranges that are never issued to real patients.</summary>
/// <remarks>
/// The reserved test range is 999 000 0000 to 999 999 9999: about 900,000 numbers with a valid Modulus 11 check digit,
/// enough for scale 0.09. Larger runs continue downwards through 998, 997, … 900, the rest of the 9xx block that NHS
/// England has never issued (issued numbers are 3xx, 4xx and 6xx–7xx; NHS test environments use 9xx numbers). Index 0
/// to 899,999 always fall in 999, so small runs use the reserved range only. Every number passes Modulus 11.
/// </remarks>
public static class TestNhsNumbers
{
    /// <summary>The FHIR identifier system for NHS numbers (UK Core).</summary>
    public const string System = "https://fhir.nhs.uk/Id/nhs-number";

    /// <summary>How many valid numbers each three-digit prefix yields here (nine of every ten final body digits).</summary>
    public const int PerPrefix = 900_000;

    /// <summary>How many people can be numbered: prefixes 999 down to 900.</summary>
    public const long Capacity = 100L * PerPrefix;

    /// <summary>The ten-digit NHS number of the <paramref name="index"/>-th synthetic person (0-based).</summary>
    public static string ForIndex(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Capacity);
        var prefix = 999 - (int)(index / PerPrefix);
        var withinPrefix = (int)(index % PerPrefix);
        // Scatter consecutive people over the five middle digits (a bijection mod 10^5, since 7919 is coprime to 10).
        var middle = (int)(((withinPrefix / 9 * 7919L) + 40_503) % 100_000);
        var wanted = withinPrefix % 9;
        Span<char> digits = stackalloc char[10];
        Write(prefix, digits[..3]);
        Write(middle, digits[3..8]);
        for (var last = 0; last <= 9; last++)
        {
            digits[8] = (char)('0' + last);
            var check = CheckDigit(digits[..9]);
            if (check < 0)
                continue;
            if (wanted-- == 0)
            {
                digits[9] = (char)('0' + check);
                return new string(digits);
            }
        }

        throw new InvalidOperationException("Unreachable: every ten final digits hold at least nine valid numbers.");
    }

    /// <summary>True when <paramref name="number"/> is ten digits whose last is the Modulus 11 check digit of the first nine.</summary>
    public static bool IsValid(ReadOnlySpan<char> number)
    {
        if (number.Length != 10)
            return false;
        foreach (var c in number)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }

        return CheckDigit(number[..9]) == number[9] - '0';
    }

    /// <summary>The Modulus 11 check digit of nine digits, or -1 when the remainder makes 10 (such numbers are never issued).</summary>
    public static int CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
            sum += (nineDigits[i] - '0') * (10 - i);
        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => -1,
            _ => check,
        };
    }

    private static void Write(int value, Span<char> destination)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
