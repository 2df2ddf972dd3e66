namespace OpenIcs.Record.Identity;

/// <summary>A 10-digit NHS number whose Modulus 11 check digit is valid.</summary>
/// <remarks><c>default</c> has a null <see cref="Digits"/> and is never valid; create one with <see cref="TryParse"/>.</remarks>
public readonly record struct NhsNumber
{
    /// <summary>The FHIR identifier system for NHS numbers (UK Core).</summary>
    public const string System = "https://fhir.nhs.uk/Id/nhs-number";

    private NhsNumber(string digits) => Digits = digits;

    /// <summary>The ten digits, without spaces.</summary>
    public string Digits { get; }

    /// <summary>Reads ten digits, optionally grouped 3-3-4 with spaces, and checks the Modulus 11 check digit.</summary>
    public static bool TryParse(string? text, out NhsNumber number)
    {
        number = default;
        if (text is null)
            return false;
        Span<char> digits = stackalloc char[10];
        var count = 0;
        foreach (var c in text.AsSpan().Trim())
        {
            if (c == ' ')
                continue;
            if (!char.IsAsciiDigit(c) || count == 10)
                return false;
            digits[count++] = c;
        }

        if (count != 10 || CheckDigit(digits[..9]) != digits[9] - '0')
            return false;
        number = new NhsNumber(new string(digits));
        return true;
    }

    /// <summary>Reads an NHS number like <see cref="TryParse"/>, or throws <see cref="FormatException"/> naming the rule.</summary>
    public static NhsNumber Parse(string? text) => TryParse(text, out var number) ? number : throw new FormatException(Rule(text));

    /// <summary>The explanation given when <paramref name="text"/> is not a valid NHS number.</summary>
    public static string Rule(string? text) =>
        $"'{text}' is not a valid NHS number: it must be 10 digits whose check digit passes Modulus 11.";

    /// <summary>The Modulus 11 check digit for the first nine digits, or -1 when none exists (remainder 1 gives 10).</summary>
    /// <remarks>Weights 10 down to 2; check = 11 - (sum mod 11), with 11 read as 0 and 10 meaning the number is invalid.</remarks>
    public static int CheckDigit(ReadOnlySpan<char> firstNine)
    {
        if (firstNine.Length != 9)
            throw new ArgumentException("The check digit is computed from exactly nine digits.", nameof(firstNine));
        var sum = 0;
        for (var i = 0; i < 9; i++)
            sum += (firstNine[i] - '0') * (10 - i);
        var check = 11 - (sum % 11);
        return check switch { 11 => 0, 10 => -1, _ => check };
    }

    /// <inheritdoc />
    public override string ToString() => Digits ?? "";
}
