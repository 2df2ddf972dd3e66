namespace OpenIcs.Places;

/// <summary>Rows as the database returns them, mapped to validated place types (codes in the store are trusted).</summary>
public sealed partial class PlaceStore
{
    private sealed class SummaryRow
    {
        public long Systems { get; init; }
        public long Boroughs { get; init; }
        public long Lsoas { get; init; }
        public long Population2021 { get; init; }
        public long ActivePractices { get; init; }
        public long ActiveTrusts { get; init; }
    }

    private sealed class SystemRow
    {
        public string Code { get; init; } = "";
        public string OdsCode { get; init; } = "";
        public string Name { get; init; } = "";
        public string ShortName { get; init; } = "";

        public IntegratedCareSystem ToSystem() => new(IcsCode.Parse(Code), Places.OdsCode.Parse(OdsCode), Name, ShortName);
    }

    private sealed class BoroughRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string InnerOuter { get; init; } = "";
        public string Ics { get; init; } = "";
        public long Population2011 { get; init; }
        public long Population2021 { get; init; }
        public string IcsShortName { get; init; } = "";
        public long Lsoas { get; init; }
        public long MostDeprivedFifthLsoas { get; init; }
        public long ActivePractices { get; init; }

        public BoroughSummary ToSummary() => new(
            new Borough(BoroughCode.Parse(Code), Name, InnerOuter == "inner" ? Places.InnerOuter.Inner : Places.InnerOuter.Outer,
                IcsCode.Parse(Ics), (int)Population2011, (int)Population2021),
            IcsShortName, (int)Lsoas, (int)MostDeprivedFifthLsoas, (int)ActivePractices);
    }

    private sealed class DecileRow
    {
        public long Decile { get; init; }
        public long Lsoas { get; init; }
        public long Population { get; init; }
    }

    private sealed class AgeRow
    {
        public long AgeMin { get; init; }
        public string AgeBand { get; init; } = "";
        public long Female { get; init; }
        public long Male { get; init; }
    }

    private sealed class LsoaRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string Borough { get; init; } = "";
        public double ImdScore { get; init; }
        public long ImdRank { get; init; }
        public long ImdDecile { get; init; }
        public double? IncomeScorePercent { get; init; }
        public double? EmploymentScorePercent { get; init; }
        public long PopulationMid2020 { get; init; }

        public Lsoa ToLsoa() => new(LsoaCode.Parse(Code), Name, BoroughCode.Parse(Borough), ImdScore, (int)ImdRank,
            (int)ImdDecile, IncomeScorePercent, EmploymentScorePercent, (int)PopulationMid2020);
    }

    private sealed class OrganisationRow
    {
        public string Code { get; init; } = "";
        public string CodeSystem { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Postcode { get; init; }
        public long Active { get; init; }
        public string? Borough { get; init; }
        public string? Ics { get; init; }
        public string? PartOf { get; init; }
        public long? ListSize { get; init; }

        public Organisation ToOrganisation() => new(Code, CodeSystem, Enum.Parse<OrganisationKind>(Kind), Name, Postcode,
            Active == 1, Borough is null ? null : BoroughCode.Parse(Borough), Ics is null ? null : IcsCode.Parse(Ics), PartOf,
            ListSize is null ? null : (int)ListSize);
    }
}
