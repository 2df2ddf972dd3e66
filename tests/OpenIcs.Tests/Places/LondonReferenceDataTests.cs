using OpenIcs.Places;

namespace OpenIcs.Tests.Places;

public class LondonReferenceDataTests
{
    private static readonly LondonPlaces London = LondonReferenceData.Load(LondonReferenceData.DefaultFolder);

    [Fact]
    public void London_has_five_systems_and_33_boroughs_split_as_published()
    {
        Assert.Equal(5, London.Systems.Count);
        Assert.Equal(33, London.Boroughs.Count);
        var perSystem = London.Boroughs.GroupBy(b => London.Systems.Single(s => s.Code == b.Ics).ShortName)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(5, perSystem["North Central London"]);
        Assert.Equal(8, perSystem["North East London"]);
        Assert.Equal(8, perSystem["North West London"]);
        Assert.Equal(6, perSystem["South East London"]);
        Assert.Equal(6, perSystem["South West London"]);
        Assert.Equal(14, London.Boroughs.Count(b => b.InnerOuter == InnerOuter.Inner));
    }

    [Fact]
    public void Every_LSOA_has_an_IMD_decile_and_population_and_the_totals_match_the_sources()
    {
        Assert.Equal(4835, London.Lsoas.Count);
        Assert.All(London.Lsoas, l => Assert.InRange(l.ImdDecile, 1, 10));
        Assert.Equal(9_002_488, London.Lsoas.Sum(l => l.PopulationMid2020));
        var first = London.Lsoas.Single(l => l.Code.Value == "E01000001");
        Assert.Equal(("City of London 001A", 9, 29199, 1749), (first.Name, first.ImdDecile, first.ImdRank, first.PopulationMid2020));
    }

    [Fact]
    public void Census_2021_population_sums_to_the_published_London_total()
    {
        Assert.Equal(33 * 2 * 19, London.Population.Count);
        Assert.Equal(8_799_697, London.Population.Sum(p => p.Population));
        Assert.Equal(4_268_070, London.Population.Where(p => p.Sex == Sex.Male).Sum(p => p.Population));
    }

    [Fact]
    public void Organisations_cover_every_sector_with_known_examples()
    {
        var byKind = London.Organisations.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(5, byKind[OrganisationKind.IntegratedCareBoard]);
        Assert.Equal(33, byKind[OrganisationKind.LocalAuthority]);
        Assert.Equal(35, byKind[OrganisationKind.NhsTrust]);
        Assert.Equal(1507, byKind[OrganisationKind.GpPractice]);
        Assert.Equal(1168, London.Organisations.Count(o => o.Kind == OrganisationKind.GpPractice && o.Active));

        var practice = London.Organisations.Single(o => o.Code == "E83003");
        Assert.Equal(("OAKLEIGH ROAD HEALTH CENTRE", "E09000003", 9171), (practice.Name, practice.Borough?.Value, practice.ListSize));
        var network = London.Organisations.Single(o => o.Code == practice.PartOf);
        Assert.Equal((OrganisationKind.PrimaryCareNetwork, "BARNET 2 PCN"), (network.Kind, network.Name));
        Assert.Equal("E54000028", network.Ics?.Value);

        // Practices of the two-borough 2019 CCGs are placed by postcode district where the district settles it.
        Assert.Equal("E09000012", London.Organisations.Single(o => o.Code == "F84003").Borough?.Value); // E5: Hackney
        var active = London.Organisations.Where(o => o.Kind == OrganisationKind.GpPractice && o.Active).ToList();
        Assert.Equal(1, active.Count(o => o.Borough?.Value == "E09000001"));
        Assert.Equal(38, active.Count(o => o.Borough?.Value == "E09000012"));
        Assert.Equal(13, active.Count(o => o.Borough is null)); // W10, SW1X and one practice the source could not place

        Assert.Equal(London.Organisations.Count, London.Organisations.Select(o => o.Code).Distinct().Count());
    }
}
