using OpenIcs.Places;
using OpenIcs.Storage;
using OpenIcs.Tests.Storage;

namespace OpenIcs.Tests.Places;

public abstract class PlaceStoreTests(StoreKind kind) : StoreTests(kind)
{
    private static readonly LondonPlaces London = LondonReferenceData.Load(LondonReferenceData.DefaultFolder);
    private static readonly BoroughCode TowerHamlets = BoroughCode.Parse("E09000030");

    private async Task<PlaceStore> LoadedStoreAsync()
    {
        var store = new PlaceStore(Database);
        await store.SaveAsync(London, Ct);
        return store;
    }

    [Fact]
    public async Task Saving_twice_leaves_the_same_rows()
    {
        var store = await LoadedStoreAsync();
        var first = await store.SummaryAsync(Ct);

        await store.SaveAsync(London, Ct);
        var second = await store.SummaryAsync(Ct);

        Assert.Equal(first, second);
        Assert.Equal(new LondonSummary(5, 33, 4835, London.Boroughs.Sum(b => (long)b.Population2021), 1168, 34), second);
    }

    [Fact]
    public async Task A_borough_carries_its_system_LSOAs_and_deprivation()
    {
        var store = await LoadedStoreAsync();

        var borough = await store.FindBoroughAsync(TowerHamlets, Ct);

        Assert.NotNull(borough);
        Assert.Equal(("Tower Hamlets", "North East London", InnerOuter.Inner), (borough.Borough.Name, borough.IcsShortName, borough.Borough.InnerOuter));
        var expectedLsoas = London.Lsoas.Where(l => l.Borough == TowerHamlets).ToList();
        Assert.Equal(expectedLsoas.Count, borough.Lsoas);
        Assert.Equal(expectedLsoas.Count(l => l.ImdDecile <= 2), borough.MostDeprivedFifthLsoas);
        Assert.Equal(London.Organisations.Count(o => o.Borough == TowerHamlets && o.Kind == OrganisationKind.GpPractice && o.Active),
            borough.ActivePractices);
    }

    [Fact]
    public async Task Decile_counts_cover_all_ten_deciles_and_sum_to_the_borough()
    {
        var store = await LoadedStoreAsync();

        var deciles = await store.ImdDecilesAsync(TowerHamlets, Ct);

        Assert.Equal(Enumerable.Range(1, 10), deciles.Select(d => d.Decile));
        var lsoas = London.Lsoas.Where(l => l.Borough == TowerHamlets).ToList();
        Assert.Equal(lsoas.Count, deciles.Sum(d => d.Lsoas));
        Assert.Equal(lsoas.Sum(l => (long)l.PopulationMid2020), deciles.Sum(d => d.Population));
        Assert.Equal(lsoas.Count(l => l.ImdDecile == 2), deciles[1].Lsoas);
        Assert.Equal(lsoas.Count(l => l.ImdDecile == 10), deciles[9].Lsoas);
    }

    [Fact]
    public async Task Age_profile_has_19_bands_that_sum_to_the_census()
    {
        var store = await LoadedStoreAsync();

        var ages = await store.AgeProfileAsync(TowerHamlets, Ct);

        Assert.Equal(19, ages.Count);
        Assert.Equal(("0-4", "90+"), (ages[0].AgeBand, ages[^1].AgeBand));
        Assert.Equal(London.Population.Where(p => p.Borough == TowerHamlets).Sum(p => p.Population), ages.Sum(a => a.Female + a.Male));
    }

    [Fact]
    public async Task Systems_list_in_code_order_and_filter_boroughs()
    {
        var store = await LoadedStoreAsync();

        var systems = await store.ListSystemsAsync(Ct);
        var southWest = await store.ListBoroughsAsync(IcsCode.Parse("E54000031"), Ct);

        Assert.Equal(["E54000027", "E54000028", "E54000029", "E54000030", "E54000031"], systems.Select(s => s.Code.Value));
        Assert.Equal(["Croydon", "Kingston upon Thames", "Merton", "Richmond upon Thames", "Sutton", "Wandsworth"],
            southWest.Select(b => b.Borough.Name));
        Assert.Equal(33, (await store.ListBoroughsAsync(null, Ct)).Count);
        Assert.Null(await store.FindSystemAsync(IcsCode.Parse("E54000001"), Ct));
    }

    [Fact]
    public async Task Organisations_filter_by_kind_borough_activity_and_name_and_page_stably()
    {
        var store = await LoadedStoreAsync();
        var barnetPractices = new OrganisationFilter(OrganisationKind.GpPractice, BoroughCode.Parse("E09000003"), Active: true);
        var expected = London.Organisations
            .Where(o => o.Kind == OrganisationKind.GpPractice && o.Borough?.Value == "E09000003" && o.Active)
            .OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Code, StringComparer.Ordinal).ToList();

        var first = await store.ListOrganisationsAsync(barnetPractices, 0, 10, Ct);
        var second = await store.ListOrganisationsAsync(barnetPractices, 10, 10, Ct);
        var byName = await store.ListOrganisationsAsync(new OrganisationFilter(NameContains: "oakleigh ROAD"), 0, 50, Ct);

        Assert.Equal(expected.Count, first.Total);
        Assert.Equal(expected.Take(20).Select(o => o.Code), first.Items.Concat(second.Items).Select(o => o.Code));
        Assert.Equal(["E83003"], byName.Items.Select(o => o.Code));
        Assert.Equal(expected[0], first.Items[0]);
    }

    [Fact]
    public async Task Lookups_by_code_find_or_return_null()
    {
        var store = await LoadedStoreAsync();

        Assert.Equal("City of London 001A", (await store.FindLsoaAsync(LsoaCode.Parse("E01000001"), Ct))?.Name);
        Assert.Null(await store.FindLsoaAsync(LsoaCode.Parse("E01999999"), Ct));
        Assert.Equal(OrganisationKind.NhsTrust, (await store.FindOrganisationAsync("r1h", Ct))?.Kind);
        Assert.Null(await store.FindOrganisationAsync("ZZZ99", Ct));
        var lsoas = await store.ListLsoasAsync(TowerHamlets, Ct);
        Assert.True(lsoas.Zip(lsoas.Skip(1)).All(p => p.First.ImdRank <= p.Second.ImdRank));
    }
}

public sealed class SqlitePlaceStoreTests() : PlaceStoreTests(StoreKind.Sqlite);

public sealed class PostgresPlaceStoreTests() : PlaceStoreTests(StoreKind.Postgres);
