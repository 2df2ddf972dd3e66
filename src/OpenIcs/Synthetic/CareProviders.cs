using OpenIcs.Places;

namespace OpenIcs.Synthetic;

/// <summary>The organisations that serve each borough's residents, and the references the records use for them.</summary>
/// <remarks>
/// GP practices are the active ones with a January 2021 list size; residents register with one in their borough weighted
/// by list size (practices of the City and Hackney and West London CCGs count for each borough their CCG covered), and 8%
/// with one elsewhere in the same ICS, as people near borough edges do. Each borough's main acute and mental-health trust
/// follow the trusts' published catchments (e.g. Homerton for Hackney, East London NHS FT for Tower Hamlets); NHS 111
/// and 999 are London Ambulance Service. Voluntary-sector organisations are synthetic: three per borough, clearly named.
/// </remarks>
internal sealed class CareProviders
{
    /// <summary>Share of residents registered with a practice outside their borough (same ICS).</summary>
    public const double OutOfBoroughRegistration = 0.08;

    private static readonly Dictionary<string, (string Acute, string MentalHealth)> Catchments = new(StringComparer.Ordinal)
    {
        ["E09000001"] = ("R1H", "RWK"), ["E09000002"] = ("RF4", "RAT"), ["E09000003"] = ("RAL", "RRP"), ["E09000004"] = ("RJ2", "RPG"),
        ["E09000005"] = ("R1K", "RV3"), ["E09000006"] = ("RJZ", "RPG"), ["E09000007"] = ("RRV", "RRP"), ["E09000008"] = ("RJ6", "RV5"),
        ["E09000009"] = ("R1K", "RKL"), ["E09000010"] = ("RAP", "RRP"), ["E09000011"] = ("RJ2", "RPG"), ["E09000012"] = ("RQX", "RWK"),
        ["E09000013"] = ("RYJ", "RV3"), ["E09000014"] = ("RAP", "RRP"), ["E09000015"] = ("R1K", "RV3"), ["E09000016"] = ("RF4", "RAT"),
        ["E09000017"] = ("RAS", "RV3"), ["E09000018"] = ("RQM", "RKL"), ["E09000019"] = ("RKE", "RRP"), ["E09000020"] = ("RQM", "RV3"),
        ["E09000021"] = ("RAX", "RQY"), ["E09000022"] = ("RJ1", "RV5"), ["E09000023"] = ("RJ2", "RV5"), ["E09000024"] = ("RJ7", "RQY"),
        ["E09000025"] = ("R1H", "RWK"), ["E09000026"] = ("RF4", "RAT"), ["E09000027"] = ("RAX", "RQY"), ["E09000028"] = ("RJZ", "RV5"),
        ["E09000029"] = ("RVR", "RQY"), ["E09000030"] = ("R1H", "RWK"), ["E09000031"] = ("R1H", "RAT"), ["E09000032"] = ("RJ7", "RQY"),
        ["E09000033"] = ("RYJ", "RV3"),
    };

    private readonly int[][] _boroughPractices;
    private readonly double[][] _boroughWeights;
    private readonly int[][] _icsPractices;
    private readonly double[][] _icsWeights;
    private readonly int[] _boroughIcs;

    private CareProviders(LondonStatistics statistics)
    {
        var places = statistics.Places;
        var boroughIndex = statistics.Boroughs.Select((b, i) => (b.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var systems = places.Systems.Select(s => s.Code).ToList();
        _boroughIcs = [.. statistics.Boroughs.Select(b => systems.IndexOf(b.Ics))];

        Practices = [.. places.Organisations
            .Where(o => o.Kind == OrganisationKind.GpPractice && o.Active && o.ListSize > 0)
            .Where(o => o.Borough is not null || statistics.PracticeCandidateBoroughs.ContainsKey(o.Code))
            .OrderBy(o => o.Code, StringComparer.Ordinal)];
        PracticeReferences = [.. Practices.Select(p => OrganisationReference(p))];
        var byBorough = new List<int>[statistics.Boroughs.Length];
        var byIcs = new List<int>[systems.Count];
        for (var b = 0; b < byBorough.Length; b++)
            byBorough[b] = [];
        for (var s = 0; s < byIcs.Length; s++)
            byIcs[s] = [];
        for (var p = 0; p < Practices.Length; p++)
        {
            var boroughs = Practices[p].Borough is { } single ? [single] : statistics.PracticeCandidateBoroughs[Practices[p].Code];
            foreach (var borough in boroughs)
                byBorough[boroughIndex[borough]].Add(p);
            byIcs[_boroughIcs[boroughIndex[boroughs[0]]]].Add(p);
        }

        _boroughPractices = [.. byBorough.Select(list => list.ToArray())];
        _boroughWeights = [.. _boroughPractices.Select(Cumulative)];
        _icsPractices = [.. byIcs.Select(list => list.ToArray())];
        _icsWeights = [.. _icsPractices.Select(Cumulative)];
        for (var b = 0; b < _boroughPractices.Length; b++)
        {
            if (_boroughPractices[b].Length == 0)
                throw new ReferenceDataException("london_gp_practices.csv", $"no active practice with a list size serves {statistics.Boroughs[b].Name}.");
        }

        var trusts = places.Organisations.Where(o => o.Kind == OrganisationKind.NhsTrust).ToDictionary(o => o.Code, StringComparer.Ordinal);
        string Trust(string code, string role, Borough borough) => trusts.TryGetValue(code, out var trust) ? OrganisationReference(trust)
            : throw new ReferenceDataException("london_nhs_trusts.csv", $"trust {code}, the {role} trust for {borough.Name}, is missing.");
        AcuteTrust = [.. statistics.Boroughs.Select(b => Trust(Catchments[b.Code.Value].Acute, "acute", b))];
        MentalHealthTrust = [.. statistics.Boroughs.Select(b => Trust(Catchments[b.Code.Value].MentalHealth, "mental health", b))];
        Ambulance = Trust("RRU", "ambulance and NHS 111", statistics.Boroughs[0]);
        Council = [.. statistics.Boroughs.Select(b => $"Organization/ons-{b.Code.Value}")];
        PracticeJson = [.. PracticeReferences.Select(RawJson.Reference)];
        AcuteTrustJson = [.. AcuteTrust.Select(RawJson.Reference)];
        MentalHealthTrustJson = [.. MentalHealthTrust.Select(RawJson.Reference)];
        AmbulanceJson = RawJson.Reference(Ambulance);
        CouncilJson = [.. Council.Select(RawJson.Reference)];
        Voluntary = [.. VoluntarySector.Organisations(statistics.Boroughs).Select((o, i) => new VoluntaryOrganisation(
            $"vcs-{o.Borough!.Value}-{(i % VoluntarySector.PerBorough) + 1}", o.Code, o.Name, o.Borough.Value, o.Ics!.Value))];
    }

    /// <summary>Active practices that take registrations, in code order.</summary>
    public Organisation[] Practices { get; }

    /// <summary><c>Organization/ods-…</c> of each practice.</summary>
    public string[] PracticeReferences { get; }

    /// <summary>Each practice's reference as UTF-8 JSON.</summary>
    public byte[][] PracticeJson { get; }

    /// <summary>Each borough's acute trust reference as UTF-8 JSON.</summary>
    public byte[][] AcuteTrustJson { get; }

    /// <summary>Each borough's mental-health trust reference as UTF-8 JSON.</summary>
    public byte[][] MentalHealthTrustJson { get; }

    /// <summary>London Ambulance Service's reference as UTF-8 JSON.</summary>
    public byte[] AmbulanceJson { get; }

    /// <summary>Each borough council's reference as UTF-8 JSON.</summary>
    public byte[][] CouncilJson { get; }

    /// <summary>The main acute trust of each borough.</summary>
    public string[] AcuteTrust { get; }

    /// <summary>The mental-health trust of each borough.</summary>
    public string[] MentalHealthTrust { get; }

    /// <summary>London Ambulance Service (999 and NHS 111).</summary>
    public string Ambulance { get; }

    /// <summary>Each borough's council.</summary>
    public string[] Council { get; }

    /// <summary>The synthetic voluntary-sector organisations, three per borough in borough order.</summary>
    public VoluntaryOrganisation[] Voluntary { get; }

    /// <summary>Builds the providers from the reference data.</summary>
    public static CareProviders Create(LondonStatistics statistics) => new(statistics);

    /// <summary>The resource id of an organisation from the reference data.</summary>
    public static string OrganisationId(Organisation organisation) =>
        organisation.Kind == OrganisationKind.LocalAuthority ? $"ons-{organisation.Code}" : $"ods-{organisation.Code}";

    /// <summary>The relative reference to an organisation from the reference data.</summary>
    public static string OrganisationReference(Organisation organisation) => $"Organization/{OrganisationId(organisation)}";

    /// <summary>Chooses the practice a resident of <paramref name="borough"/> registers with.</summary>
    public int DrawPractice(int borough, ref RandomStream random)
    {
        if (random.Chance(OutOfBoroughRegistration))
        {
            var ics = _boroughIcs[borough];
            return _icsPractices[ics][random.Pick(_icsWeights[ics])];
        }

        return _boroughPractices[borough][random.Pick(_boroughWeights[borough])];
    }

    /// <summary>One of the borough's voluntary-sector organisations.</summary>
    public VoluntaryOrganisation VoluntaryFor(int borough, ref RandomStream random) =>
        Voluntary[(borough * VoluntarySector.PerBorough) + random.Next(VoluntarySector.PerBorough)];

    private double[] Cumulative(int[] practices)
    {
        var cumulative = new double[practices.Length];
        double sum = 0;
        for (var i = 0; i < practices.Length; i++)
            cumulative[i] = sum += Practices[practices[i]].ListSize ?? 0;
        return cumulative;
    }
}

/// <summary>A synthetic voluntary and community sector organisation.</summary>
internal sealed record VoluntaryOrganisation(string Id, string Identifier, string Name, BoroughCode Borough, IcsCode Ics)
{
    /// <summary>The relative reference to it.</summary>
    public string Reference { get; } = $"Organization/{Id}";

    /// <summary>The reference as UTF-8 JSON.</summary>
    public byte[] ReferenceJson { get; } = RawJson.Reference($"Organization/{Id}");
}
