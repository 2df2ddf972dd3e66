namespace OpenIcs.Places;

/// <summary>The ONS code of one of London's 33 local authorities: E09000001 (City of London) to E09000033 (Westminster).</summary>
/// <remarks><c>default</c> has a null <see cref="Value"/> and is never a valid borough; obtain codes through the factories.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(PlaceCodeJsonConverter<BoroughCode>))]
public readonly record struct BoroughCode : IPlaceCode<BoroughCode>
{
    /// <summary>The lowest London local authority code, the City of London.</summary>
    public const int First = 1;

    /// <summary>The highest London local authority code, Westminster.</summary>
    public const int Last = 33;

    private BoroughCode(string value) => Value = value;

    /// <summary>The nine-character ONS code, e.g. <c>E09000012</c>.</summary>
    public string Value { get; }

    /// <summary>Reads an ONS local authority code in London's range; surrounding spaces and lower case are accepted.</summary>
    public static bool TryParse(string? text, out BoroughCode code)
    {
        var candidate = text?.Trim().ToUpperInvariant();
        if (GssCode.Matches(candidate, "E09", out var serial) && serial is >= First and <= Last)
        {
            code = new BoroughCode(candidate!);
            return true;
        }

        code = default;
        return false;
    }

    /// <summary>Reads a code like <see cref="TryParse"/>, or throws <see cref="FormatException"/> naming the rule.</summary>
    public static BoroughCode Parse(string? text) =>
        TryParse(text, out var code) ? code : throw new FormatException(Rule(text));

    /// <summary>The explanation given when <paramref name="text"/> is not a borough code.</summary>
    public static string Rule(string? text) => $"'{text}' is not a London borough code (E09000001-E09000033).";

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
