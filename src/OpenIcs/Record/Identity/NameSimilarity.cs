using System.Collections.Frozen;
using OpenIcs.Record.Search;

namespace OpenIcs.Record.Identity;

/// <summary>How alike two names are: Jaro-Winkler similarity, Soundex, and common English given-name variants.</summary>
public static class NameSimilarity
{
    private static readonly string[][] VariantGroups =
    [
        ["robert", "bob", "rob", "bobby", "robbie"], ["william", "bill", "will", "billy", "liam"], ["elizabeth", "liz", "beth", "lizzie", "eliza", "betty"],
        ["margaret", "maggie", "peggy", "meg", "marge"], ["katherine", "catherine", "kate", "kathy", "cathy", "katie", "kath"],
        ["james", "jim", "jimmy", "jamie"], ["john", "jon", "johnny", "jack"], ["michael", "mike", "mick", "mickey"],
        ["richard", "rick", "dick", "richie"], ["thomas", "tom", "tommy"], ["joseph", "joe", "joey"], ["daniel", "dan", "danny"],
        ["christopher", "chris", "kit"], ["anthony", "tony"], ["edward", "ed", "eddie", "ted", "ned"], ["alexander", "alex", "sandy", "xander"],
        ["alexandra", "alex", "sandra", "lexi"], ["susan", "sue", "susie"], ["jennifer", "jen", "jenny"], ["rebecca", "becky", "becca"],
        ["victoria", "vicky", "tori"], ["samuel", "sam", "sammy"], ["samantha", "sam", "sammie"], ["benjamin", "ben", "benny"],
        ["mohammed", "muhammad", "mohammad", "mohamed", "muhammed"], ["abdullah", "abdulla"], ["fatima", "fatimah"],
        ["olusegun", "segun"], ["oluwaseun", "seun"], ["adebayo", "bayo"], ["patricia", "pat", "patty", "trish"],
        ["deborah", "debbie", "deb"], ["nicholas", "nick", "nicky"], ["jonathan", "jon", "jonny"], ["stephen", "steven", "steve"],
        ["matthew", "matt"], ["andrew", "andy", "drew"], ["david", "dave", "davey"], ["amira", "ameera"], ["hassan", "hasan"],
    ];

    private static readonly FrozenDictionary<string, int[]> Groups = VariantGroups
        .SelectMany((group, index) => group.Select(name => (name, index)))
        .GroupBy(p => p.name).ToFrozenDictionary(g => g.Key, g => g.Select(p => p.index).ToArray(), StringComparer.Ordinal);

    /// <summary>True when the two (folded) given names are variants of one name, e.g. Robert and Bob.</summary>
    public static bool AreVariants(string a, string b) =>
        Groups.TryGetValue(a, out var left) && Groups.TryGetValue(b, out var right) && left.Intersect(right).Any();

    /// <summary>Jaro-Winkler similarity in [0, 1] (1 = identical), with the usual prefix scale 0.1 over four characters.</summary>
    public static double JaroWinkler(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
            return a.Length == b.Length ? 1 : 0;
        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        var matchedA = new bool[a.Length];
        var matchedB = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j < Math.Min(b.Length, i + window + 1); j++)
            {
                if (matchedB[j] || a[i] != b[j])
                    continue;
                matchedA[i] = matchedB[j] = true;
                matches++;
                break;
            }
        }

        if (matches == 0)
            return 0;
        var transpositions = 0;
        for (int i = 0, j = 0; i < a.Length; i++)
        {
            if (!matchedA[i])
                continue;
            while (!matchedB[j])
                j++;
            if (a[i] != b[j])
                transpositions++;
            j++;
        }

        var m = (double)matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
            prefix++;
        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>How two names agree: 2 exactly (after folding), 1 closely (variants, Jaro-Winkler at least 0.9 or the
    /// same Soundex), 0 not at all.</summary>
    public static int Agreement(string a, string b, bool givenName)
    {
        var x = TextFolding.Fold(a);
        var y = TextFolding.Fold(b);
        if (x == y)
            return 2;
        if (givenName && AreVariants(x, y))
            return 2;
        return JaroWinkler(x, y) >= 0.9 || TextFolding.Soundex(x) == TextFolding.Soundex(y) ? 1 : 0;
    }
}
