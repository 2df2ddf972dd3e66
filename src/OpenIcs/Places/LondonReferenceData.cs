namespace OpenIcs.Places;

/// <summary>Reads London's places from the reference files in <c>data/reference</c> (see its README for sources).</summary>
public static class LondonReferenceData
{
    /// <summary>The reference folder copied beside the running program at build time.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "data", "reference");

    /// <summary>Reads and cross-checks every places file in <paramref name="folder"/>.</summary>
    /// <exception cref="ReferenceDataException">A file is missing, or a row is malformed or refers to an unknown place.</exception>
    public static LondonPlaces Load(string folder)
    {
        var (systems, boroughs) = ReadBoroughs(Path.Combine(folder, "london_boroughs.csv"));
        var boroughCodes = boroughs.Select(b => b.Code).ToHashSet();
        var populationByLsoa = ReadLsoaPopulation(Path.Combine(folder, "london_population_mid2020_lsoa.csv"));
        var lsoas = ReadLsoas(Path.Combine(folder, "london_imd2019_lsoa.csv"), boroughCodes, populationByLsoa);
        var population = ReadResidentPopulation(Path.Combine(folder, "london_population_census2021_lad_sex_age5.csv"), boroughCodes);

        var organisations = new List<Organisation>();
        organisations.AddRange(systems.Select(s => new Organisation(
            s.OdsCode.Value, OdsCode.System, OrganisationKind.IntegratedCareBoard, s.Name, null, true, null, s.Code, null, null)));
        organisations.AddRange(boroughs.Select(b => new Organisation(
            b.Code.Value, Organisation.OnsCodeSystem, OrganisationKind.LocalAuthority, b.Name, null, true, b.Code, b.Ics, null, null)));
        var icsByOds = systems.ToDictionary(s => s.OdsCode, s => s.Code);
        organisations.AddRange(ReadTrusts(Path.Combine(folder, "london_nhs_trusts.csv"), icsByOds));
        organisations.AddRange(ReadPracticesAndNetworks(Path.Combine(folder, "london_gp_practices.csv"), boroughCodes, systems));
        return new LondonPlaces(systems, boroughs, lsoas, population, organisations);
    }

    private static (List<IntegratedCareSystem>, List<Borough>) ReadBoroughs(string path)
    {
        using var csv = ReferenceCsv.Open(path, "lad_code", "lad_name", "inner_outer_london", "icb_code", "icb_ods_code",
            "icb_name", "icb_short_name", "census2011_population", "census2021_population_rounded");
        var systems = new Dictionary<IcsCode, IntegratedCareSystem>();
        var boroughs = new List<Borough>();
        while (csv.Read())
        {
            var code = csv.Code<BoroughCode>("lad_code", BoroughCode.TryParse, BoroughCode.Rule);
            if (boroughs.Any(b => b.Code == code))
                throw csv.Error("lad_code", $"{code} appears twice.");
            var innerOuter = csv.Text("inner_outer_london") switch
            {
                "Inner London" => InnerOuter.Inner,
                "Outer London" => InnerOuter.Outer,
                var other => throw csv.Error("inner_outer_london", $"'{other}' is neither 'Inner London' nor 'Outer London'."),
            };
            var ics = new IntegratedCareSystem(
                csv.Code<IcsCode>("icb_code", IcsCode.TryParse, IcsCode.Rule),
                csv.Code<OdsCode>("icb_ods_code", OdsCode.TryParse, OdsCode.Rule),
                csv.Text("icb_name"),
                csv.Text("icb_short_name"));
            if (systems.TryGetValue(ics.Code, out var known) && known != ics)
                throw csv.Error("icb_code", $"{ics.Code} is described differently from an earlier row.");
            systems[ics.Code] = ics;
            boroughs.Add(new Borough(code, csv.Text("lad_name"), innerOuter, ics.Code,
                csv.WholeNumber("census2011_population"), csv.WholeNumber("census2021_population_rounded")));
        }

        if (boroughs.Count == 0)
            throw new ReferenceDataException(csv.FileName, "the file has no boroughs.");
        return (systems.Values.OrderBy(s => s.Code.Value, StringComparer.Ordinal).ToList(), boroughs);
    }

    private static Dictionary<LsoaCode, int> ReadLsoaPopulation(string path)
    {
        using var csv = ReferenceCsv.Open(path, "LSOA11CD", "Persons_All-Ages");
        var population = new Dictionary<LsoaCode, int>();
        while (csv.Read())
        {
            var code = csv.Code<LsoaCode>("LSOA11CD", LsoaCode.TryParse, LsoaCode.Rule);
            if (!population.TryAdd(code, csv.WholeNumber("Persons_All-Ages")))
                throw csv.Error("LSOA11CD", $"{code} appears twice.");
        }

        return population;
    }

    private static List<Lsoa> ReadLsoas(string path, HashSet<BoroughCode> boroughs, Dictionary<LsoaCode, int> population)
    {
        using var csv = ReferenceCsv.Open(path, "lsoa11_code", "lsoa11_name", "lad19_code", "imd_score", "imd_rank",
            "imd_decile", "income_score_pct", "employment_score_pct");
        var lsoas = new List<Lsoa>();
        var seen = new HashSet<LsoaCode>();
        while (csv.Read())
        {
            var code = csv.Code<LsoaCode>("lsoa11_code", LsoaCode.TryParse, LsoaCode.Rule);
            if (!seen.Add(code))
                throw csv.Error("lsoa11_code", $"{code} appears twice.");
            var borough = csv.Code<BoroughCode>("lad19_code", BoroughCode.TryParse, BoroughCode.Rule);
            if (!boroughs.Contains(borough))
                throw csv.Error("lad19_code", $"{borough} is not in london_boroughs.csv.");
            if (!population.TryGetValue(code, out var residents))
                throw csv.Error("lsoa11_code", $"{code} has no row in london_population_mid2020_lsoa.csv.");
            lsoas.Add(new Lsoa(code, csv.Text("lsoa11_name"), borough, csv.Number("imd_score"),
                csv.WholeNumber("imd_rank", min: 1), csv.WholeNumber("imd_decile", min: 1, max: 10),
                csv.OptionalNumber("income_score_pct"), csv.OptionalNumber("employment_score_pct"), residents));
        }

        return lsoas;
    }

    private static List<ResidentPopulation> ReadResidentPopulation(string path, HashSet<BoroughCode> boroughs)
    {
        using var csv = ReferenceCsv.Open(path, "lad_code", "sex", "age_band", "age_min", "population_census2021");
        var rows = new List<ResidentPopulation>();
        while (csv.Read())
        {
            var sex = csv.Text("sex") switch
            {
                "female" => Sex.Female,
                "male" => Sex.Male,
                "persons" => (Sex?)null,
                var other => throw csv.Error("sex", $"'{other}' is not female, male or persons."),
            };
            if (sex is null)
                continue; // Persons rows repeat female + male.
            var borough = csv.Code<BoroughCode>("lad_code", BoroughCode.TryParse, BoroughCode.Rule);
            if (!boroughs.Contains(borough))
                throw csv.Error("lad_code", $"{borough} is not in london_boroughs.csv.");
            rows.Add(new ResidentPopulation(borough, sex.Value, csv.WholeNumber("age_min", max: 120), csv.Text("age_band"),
                csv.WholeNumber("population_census2021")));
        }

        return rows;
    }

    private static List<Organisation> ReadTrusts(string path, Dictionary<OdsCode, IcsCode> icsByOds)
    {
        using var csv = ReferenceCsv.Open(path, "trust_code", "trust_name", "postcode", "status", "icb_ods_code");
        var trusts = new List<Organisation>();
        while (csv.Read())
        {
            var code = csv.Code<OdsCode>("trust_code", OdsCode.TryParse, OdsCode.Rule);
            var icbOds = csv.OptionalText("icb_ods_code");
            IcsCode? ics = null;
            if (icbOds is not null)
            {
                if (!OdsCode.TryParse(icbOds, out var ods) || !icsByOds.TryGetValue(ods, out var known))
                    throw csv.Error("icb_ods_code", $"'{icbOds}' is not the ODS code of a London ICB in london_boroughs.csv.");
                ics = known;
            }

            trusts.Add(new Organisation(code.Value, OdsCode.System, OrganisationKind.NhsTrust, csv.Text("trust_name"),
                csv.OptionalText("postcode"), IsActive(csv), null, ics, null, null));
        }

        return trusts;
    }

    private static List<Organisation> ReadPracticesAndNetworks(
        string path, HashSet<BoroughCode> boroughs, List<IntegratedCareSystem> systems)
    {
        using var csv = ReferenceCsv.Open(path, "practice_code", "practice_name", "postcode", "status", "icb_code",
            "pcn_code_jul2022", "pcn_name_jul2022", "lad_code", "lad_candidates", "list_size_jan2021");
        var icsCodes = systems.Select(s => s.Code).ToHashSet();
        var practices = new List<Organisation>();
        var networks = new Dictionary<OdsCode, (string Name, List<Organisation> Practices)>();
        while (csv.Read())
        {
            var code = csv.Code<OdsCode>("practice_code", OdsCode.TryParse, OdsCode.Rule);
            BoroughCode? borough = null;
            if (csv.OptionalText("lad_code") is not null)
            {
                var known = csv.Code<BoroughCode>("lad_code", BoroughCode.TryParse, BoroughCode.Rule);
                borough = boroughs.Contains(known) ? known : throw csv.Error("lad_code", $"{known} is not in london_boroughs.csv.");
            }
            else if (csv.OptionalText("lad_candidates") is { } candidates)
            {
                borough = PracticePostcodes.BoroughWithin(candidates, csv.OptionalText("postcode"));
            }

            IcsCode? ics = null;
            if (csv.OptionalText("icb_code") is not null)
            {
                var known = csv.Code<IcsCode>("icb_code", IcsCode.TryParse, IcsCode.Rule);
                ics = icsCodes.Contains(known) ? known : throw csv.Error("icb_code", $"{known} is not a London ICS.");
            }

            OdsCode? network = null;
            // NHS Digital's practice-to-PCN mapping writes "U" (named "Unallocated") for practices in no network.
            if (csv.OptionalText("pcn_code_jul2022") is { } pcnText && pcnText != "U")
                network = csv.Code<OdsCode>("pcn_code_jul2022", OdsCode.TryParse, OdsCode.Rule);

            var practice = new Organisation(code.Value, OdsCode.System, OrganisationKind.GpPractice, csv.Text("practice_name"),
                csv.OptionalText("postcode"), IsActive(csv), borough, ics, network?.Value,
                csv.OptionalWholeNumber("list_size_jan2021"));
            practices.Add(practice);
            if (network is { } pcn)
            {
                if (!networks.TryGetValue(pcn, out var members))
                    networks[pcn] = members = (csv.Text("pcn_name_jul2022"), []);
                members.Practices.Add(practice);
            }
        }

        var networkOrganisations = networks.OrderBy(n => n.Key.Value, StringComparer.Ordinal).Select(n =>
        {
            var members = n.Value.Practices;
            var onlyBorough = members.Select(p => p.Borough).Distinct().ToList() is [{ } single] ? single : (BoroughCode?)null;
            var onlyIcs = members.Select(p => p.Ics).Distinct().ToList() is [{ } one] ? one : (IcsCode?)null;
            return new Organisation(n.Key.Value, OdsCode.System, OrganisationKind.PrimaryCareNetwork, n.Value.Name, null,
                members.Any(p => p.Active), onlyBorough, onlyIcs, null, null);
        });
        return [.. networkOrganisations, .. practices];
    }

    private static bool IsActive(ReferenceCsv csv) => csv.Text("status") switch
    {
        "active" => true,
        "closed" or "dormant" => false,
        var other => throw csv.Error("status", $"'{other}' is not active, closed or dormant."),
    };
}
