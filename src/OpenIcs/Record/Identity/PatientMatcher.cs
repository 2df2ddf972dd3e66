using System.Text.Json;
using OpenIcs.Governance;
using OpenIcs.Record.Search;

namespace OpenIcs.Record.Identity;

/// <summary>A person's identifying details as a council or charity record may hold them (any may be missing).</summary>
public sealed record Demographics(string? NhsNumber, string? Family, string? Given, string? BirthDate, string? Postcode, string? Gender)
{
    /// <summary>The details of a FHIR Patient in JSON.</summary>
    public static Demographics FromJson(JsonElement patient)
    {
        string? nhs = null;
        if (patient.TryGetProperty("identifier", out var identifiers) && identifiers.ValueKind == JsonValueKind.Array)
            foreach (var identifier in identifiers.EnumerateArray())
                if (Text(identifier, "system") == NhsNumberSystem && Text(identifier, "value") is { } value)
                    nhs = value;
        var name = First(patient, "name");
        var address = First(patient, "address");
        var given = name is { } n && n.TryGetProperty("given", out var g) && g.ValueKind == JsonValueKind.Array && g.GetArrayLength() > 0
            ? g[0].GetString() : null;
        return new Demographics(nhs, name is { } f ? Text(f, "family") : null, given, Text(patient, "birthDate"),
            address is { } a ? Text(a, "postalCode") : null, Text(patient, "gender"));
    }

    private const string NhsNumberSystem = Identity.NhsNumber.System;

    private static JsonElement? First(JsonElement element, string name) =>
        element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 ? list[0] : null;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}

/// <summary>How sure a match is (the FHIR match-grade extension's codes).</summary>
public enum MatchGrade
{
    /// <summary>The same NHS number, or overwhelming agreement.</summary>
    Certain,

    /// <summary>Very likely the same person.</summary>
    Probable,

    /// <summary>Worth a person's review.</summary>
    Possible,
}

/// <summary>A candidate Patient with its score (a probability in [0, 1]) and grade.</summary>
public sealed record PatientMatch(StoredResource Patient, double Score, MatchGrade Grade, double Weight);

/// <summary>Finds the Patient a council or voluntary-sector record is about from demographics, for records with no NHS
/// number: candidates by blocking (same birth date, same postcode, same-sounding surname), then a Fellegi-Sunter score
/// that adds log2(m/u) for every field that agrees and log2((1-m)/(1-u)) for every field that does not.</summary>
/// <remarks>m is how often a field agrees for the same person (recording errors make it below 1); u how often it agrees
/// by chance for different people. Names agree closely through variants (Bob/Robert), Jaro-Winkler and Soundex; dates
/// through one-digit typos and day-month swaps; postcodes through the same outward code.</remarks>
public sealed class PatientMatcher(RecordStore store)
{
    // (m, u) for exact, close and no agreement; missing values add nothing.
    private static readonly (double M, double U)[] Family = [(0.90, 0.005), (0.07, 0.02), (0.03, 0.975)];
    private static readonly (double M, double U)[] Given = [(0.87, 0.01), (0.09, 0.03), (0.04, 0.96)];
    private static readonly (double M, double U)[] BirthDate = [(0.93, 0.0004), (0.05, 0.003), (0.02, 0.9966)];
    private static readonly (double M, double U)[] Postcode = [(0.80, 0.002), (0.10, 0.03), (0.10, 0.968)];
    private static readonly (double M, double U)[] Gender = [(0.97, 0.5), (0.0, 0.0), (0.03, 0.5)];

    /// <summary>The total weight at which a candidate is as likely to be the person as not.</summary>
    public const double EvenOdds = 14;

    /// <summary>The best candidates for <paramref name="person"/>, most likely first, at least possible.</summary>
    public async Task<IReadOnlyList<PatientMatch>> MatchAsync(AccessContext access, Demographics person, int count, CancellationToken ct)
    {
        var candidates = new Dictionary<long, StoredResource>();
        foreach (var query in Blocks(person))
        {
            var parsed = SearchRequestParser.Parse("Patient", query, strict: true);
            if (!parsed.Succeeded)
                continue;
            var page = await store.SearchAsync(access, parsed.Value! with { Count = 200 }, ct);
            foreach (var match in page.Value?.Matches ?? [])
                candidates.TryAdd(match.Rk, match);
        }

        return candidates.Values
            .Select(c => Score(person, c))
            .Where(m => m is not null)
            .Select(m => m!)
            .OrderByDescending(m => m.Weight).ThenBy(m => m.Patient.Id, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }

    /// <summary>The score of <paramref name="candidate"/> for <paramref name="person"/>, or null below possible.</summary>
    public static PatientMatch? Score(Demographics person, StoredResource candidate)
    {
        using var json = JsonDocument.Parse(candidate.Body!);
        var other = Demographics.FromJson(json.RootElement);
        if (person.NhsNumber is not null && person.NhsNumber == other.NhsNumber)
            return new PatientMatch(candidate, 1, MatchGrade.Certain, double.PositiveInfinity);
        var weight = Weigh(Family, Names(person.Family, other.Family, false))
            + Weigh(Given, Names(person.Given, other.Given, true))
            + Weigh(BirthDate, Dates(person.BirthDate, other.BirthDate))
            + Weigh(Postcode, Postcodes(person.Postcode, other.Postcode))
            + Weigh(Gender, person.Gender is null || other.Gender is null || person.Gender == "unknown" ? null : person.Gender == other.Gender ? 0 : 2);
        var score = 1 / (1 + Math.Pow(2, EvenOdds - weight));
        var grade = score >= 0.99 ? MatchGrade.Certain : score >= 0.9 ? MatchGrade.Probable : score >= 0.5 ? MatchGrade.Possible : (MatchGrade?)null;
        return grade is { } g ? new PatientMatch(candidate, Math.Round(score, 4), g, weight) : null;
    }

    private static IEnumerable<List<KeyValuePair<string, string>>> Blocks(Demographics person)
    {
        if (person.NhsNumber is { } nhs)
            yield return [new("identifier", $"{NhsNumber.System}|{nhs}")];
        if (person.BirthDate is { Length: 10 } born)
        {
            yield return [new("birthdate", born)];
            if (Swapped(born) is { } swapped)
                yield return [new("birthdate", swapped)];
        }

        if (person.Postcode is { Length: > 0 } postcode)
            yield return [new("address-postalcode", postcode)];
        if (person.Family is { Length: > 0 } family)
            yield return [new("phonetic", family)];
        if (person.Given is { Length: > 0 } given && person.BirthDate is { Length: >= 4 } year)
            yield return [new("phonetic", given), new("birthdate", year[..4])];
    }

    private static double Weigh((double M, double U)[] levels, int? level)
    {
        if (level is not { } l)
            return 0;
        var (m, u) = levels[l];
        return Math.Log2(Math.Max(m, 1e-6) / Math.Max(u, 1e-6));
    }

    private static int? Names(string? a, string? b, bool given) =>
        a is null || b is null ? null : 2 - NameSimilarity.Agreement(a, b, given);

    private static int? Dates(string? a, string? b)
    {
        if (a is null || b is null)
            return null;
        if (a == b)
            return 0;
        if (a.Length == b.Length && (a.Zip(b).Count(p => p.First != p.Second) == 1 || Swapped(a) == b))
            return 1;
        return 2;
    }

    private static int? Postcodes(string? a, string? b)
    {
        if (a is null || b is null)
            return null;
        var x = a.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var y = b.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (x == y)
            return 0;
        // The outward code is all but the last three characters (the inward code).
        return x.Length > 3 && y.Length > 3 && x[..^3] == y[..^3] ? 1 : 2;
    }

    private static string? Swapped(string date) =>
        date.Length == 10 && DateRange.TryParse($"{date[..4]}-{date[8..10]}-{date[5..7]}", out _) && date[5..7] != date[8..10]
            ? $"{date[..4]}-{date[8..10]}-{date[5..7]}" : null;
}
