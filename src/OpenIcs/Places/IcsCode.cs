namespace OpenIcs.Places;

/// <summary>The ONS code of an integrated care board's area (E54xxxxxx); London's five are E54000027 to E54000031.</summary>
/// <remarks><c>default</c> has a null <see cref="Value"/> and is never valid.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(PlaceCodeJsonConverter<IcsCode>))]
public readonly record struct IcsCode : IPlaceCode<IcsCode>
{
    private IcsCode(string value) => Value = value;

    /// <summary>The nine-character ONS code, e.g. <c>E54000029</c>.</summary>
    public string Value { get; }

    /// <summary>Reads an ONS ICB code (E54 and six digits); surrounding spaces and lower case are accepted.</summary>
    public static bool TryParse(string? text, out IcsCode code)
    {
        var candidate = text?.Trim().ToUpperInvariant();
        if (GssCode.Matches(candidate, "E54", out _))
        {
            code = new IcsCode(candidate!);
            return true;
        }

        code = default;
        return false;
    }

    /// <summary>Reads a code like <see cref="TryParse"/>, or throws <see cref="FormatException"/> naming the rule.</summary>
    public static IcsCode Parse(string? text) => TryParse(text, out var code) ? code : throw new FormatException(Rule(text));

    /// <summary>The explanation given when <paramref name="text"/> is not an ICS code.</summary>
    public static string Rule(string? text) => $"'{text}' is not an integrated care system code (E54 and six digits, e.g. E54000029).";

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
