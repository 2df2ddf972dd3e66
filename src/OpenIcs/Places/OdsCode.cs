namespace OpenIcs.Places;

/// <summary>An NHS Organisation Data Service code: 3 to 10 capital letters and digits with at least one letter
/// (e.g. <c>QMF</c> an ICB, <c>R1H</c> a trust, <c>F84003</c> a GP practice, <c>U33392</c> a PCN).</summary>
/// <remarks><c>default</c> has a null <see cref="Value"/> and is never valid.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(PlaceCodeJsonConverter<OdsCode>))]
public readonly record struct OdsCode : IPlaceCode<OdsCode>
{
    /// <summary>The FHIR identifier system for ODS organisation codes (UK Core).</summary>
    public const string System = "https://fhir.nhs.uk/Id/ods-organization-code";

    private OdsCode(string value) => Value = value;

    /// <summary>The code in capitals.</summary>
    public string Value { get; }

    /// <summary>Reads an ODS code; surrounding spaces and lower case are accepted.</summary>
    public static bool TryParse(string? text, out OdsCode code)
    {
        var candidate = text?.Trim().ToUpperInvariant();
        if (candidate is { Length: >= 3 and <= 10 }
            && candidate.All(char.IsAsciiLetterOrDigit)
            && candidate.Any(char.IsAsciiLetter))
        {
            code = new OdsCode(candidate);
            return true;
        }

        code = default;
        return false;
    }

    /// <summary>Reads a code like <see cref="TryParse"/>, or throws <see cref="FormatException"/> naming the rule.</summary>
    public static OdsCode Parse(string? text) => TryParse(text, out var code) ? code : throw new FormatException(Rule(text));

    /// <summary>The explanation given when <paramref name="text"/> is not an ODS code.</summary>
    public static string Rule(string? text) => $"'{text}' is not an ODS code (3-10 letters and digits, at least one letter).";

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
