using System.Text;

namespace OpenIcs.Record.Search;

/// <summary>How string search values are compared: lower case, Latin accents removed, spaces collapsed, so that
/// <c>Zoë</c>, <c>ZOE</c> and <c>zoe</c> match as FHIR string search requires.</summary>
/// <remarks>The app runs with invariant globalization, where Unicode decomposition is unavailable, so Latin-1 and
/// Latin Extended-A letters fold through a table; other scripts are only lower-cased.</remarks>
public static class TextFolding
{
    // Base letters of U+00C0..U+017F after lower-casing.
    private const string Latin = "aaaaaaaceeeeiiiidnoooooxouuuuytsaaaaaaaceeeeiiiidnooooo/ouuuuytyaaaaaaccccccccddddeeeeeeeeeeggggggg"
        + "ghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

    /// <summary>The longest folded value kept in an index; longer text is cut (a prefix still matches).</summary>
    public const int MaxLength = 200;

    /// <summary>Folds <paramref name="text"/> for storage or comparison.</summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        var space = false;
        foreach (var raw in text.Trim())
        {
            if (builder.Length == MaxLength)
                break;
            if (char.IsWhiteSpace(raw))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
                builder.Append(' ');
            space = false;
            var c = char.ToLowerInvariant(raw);
            builder.Append(c is >= '\u00C0' and <= '\u017F' ? Latin[c - '\u00C0'] : c);
        }

        return builder.ToString();
    }

    /// <summary>A phonetic key for a name (American Soundex: first letter and three digits), or "" for no letters.</summary>
    public static string Soundex(ReadOnlySpan<char> name)
    {
        var folded = Fold(name);
        Span<char> key = stackalloc char[4];
        var length = 0;
        var previous = '\0';
        foreach (var c in folded)
        {
            if (c is < 'a' or > 'z')
                continue;
            var code = SoundexCode(c);
            if (length == 0)
            {
                key[length++] = char.ToUpperInvariant(c);
                previous = code;
                continue;
            }

            if (code != '0' && code != previous)
            {
                key[length++] = code;
                if (length == 4)
                    break;
            }

            // h and w do not separate letters with the same code; vowels do.
            if (c is not ('h' or 'w'))
                previous = code;
        }

        if (length == 0)
            return "";
        while (length < 4)
            key[length++] = '0';
        return new string(key);
    }

    private static char SoundexCode(char c) => c switch
    {
        'b' or 'f' or 'p' or 'v' => '1',
        'c' or 'g' or 'j' or 'k' or 'q' or 's' or 'x' or 'z' => '2',
        'd' or 't' => '3',
        'l' => '4',
        'm' or 'n' => '5',
        'r' => '6',
        _ => '0',
    };
}
