namespace OpenIcs.Places;

/// <summary>The ONS code of a lower layer super output area (a neighbourhood of about 1,500 residents): E01 and six digits.</summary>
/// <remarks><c>default</c> has a null <see cref="Value"/> and is never valid.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(PlaceCodeJsonConverter<LsoaCode>))]
public readonly record struct LsoaCode : IPlaceCode<LsoaCode>
{
    private LsoaCode(string value) => Value = value;

    /// <summary>The nine-character ONS code, e.g. <c>E01000001</c>.</summary>
    public string Value { get; }

    /// <summary>Reads an English LSOA code; surrounding spaces and lower case are accepted.</summary>
    public static bool TryParse(string? text, out LsoaCode code)
    {
        var candidate = text?.Trim().ToUpperInvariant();
        if (GssCode.Matches(candidate, "E01", out _))
        {
            code = new LsoaCode(candidate!);
            return true;
        }

        code = default;
        return false;
    }

    /// <summary>Reads a code like <see cref="TryParse"/>, or throws <see cref="FormatException"/> naming the rule.</summary>
    public static LsoaCode Parse(string? text) => TryParse(text, out var code) ? code : throw new FormatException(Rule(text));

    /// <summary>The explanation given when <paramref name="text"/> is not an LSOA code.</summary>
    public static string Rule(string? text) => $"'{text}' is not an LSOA code (E01 and six digits, e.g. E01000001).";

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
