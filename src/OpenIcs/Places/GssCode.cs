namespace OpenIcs.Places;

/// <summary>The shape shared by ONS Government Statistical Service codes: a letter, two digits for the entity, six digits.</summary>
internal static class GssCode
{
    /// <summary>True when <paramref name="text"/> is <paramref name="entity"/> (e.g. <c>E09</c>) followed by six digits.</summary>
    public static bool Matches(string? text, string entity, out int serial)
    {
        serial = 0;
        if (text is null || text.Length != 9 || !text.StartsWith(entity, StringComparison.Ordinal))
            return false;
        for (var i = 3; i < 9; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
                return false;
            serial = (serial * 10) + (text[i] - '0');
        }

        return true;
    }
}
