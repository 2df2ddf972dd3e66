using System.Data.Common;
using Dapper;
using OpenIcs.Storage;

namespace OpenIcs.Places;

/// <summary>London's places and organisations in the store: loaded from reference data, read by pages and the API.</summary>
/// <remarks>Places are public reference data, not personal data, so reads need no access context.</remarks>
public sealed partial class PlaceStore(Database database)
{
    /// <summary>Writes every place and organisation in one transaction, replacing what was there; running it twice
    /// leaves the same rows.</summary>
    public Task<int> SaveAsync(LondonPlaces places, CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var rows = 0;
            rows += await Upsert(connection, transaction, UpsertSystem, places.Systems.Select(s => new
            {
                Code = s.Code.Value, OdsCode = s.OdsCode.Value, s.Name, s.ShortName,
            }), ct);
            rows += await Upsert(connection, transaction, UpsertBorough, places.Boroughs.Select(b => new
            {
                Code = b.Code.Value, b.Name, InnerOuter = b.InnerOuter == InnerOuter.Inner ? "inner" : "outer",
                Ics = b.Ics.Value, b.Population2011, b.Population2021,
            }), ct);
            rows += await Upsert(connection, transaction, UpsertLsoa, places.Lsoas.Select(l => new
            {
                Code = l.Code.Value, l.Name, Borough = l.Borough.Value, l.ImdScore, l.ImdRank, l.ImdDecile,
                l.IncomeScorePercent, l.EmploymentScorePercent, l.PopulationMid2020,
            }), ct);
            rows += await Upsert(connection, transaction, UpsertPopulation, places.Population.Select(p => new
            {
                Borough = p.Borough.Value, Sex = p.Sex == Sex.Female ? "female" : "male", p.AgeMin, p.AgeBand, p.Population,
            }), ct);
            rows += await UpsertOrganisations(connection, transaction, places.Organisations, ct);
            return rows;
        }, ct);

    /// <summary>Adds or refreshes <paramref name="organisations"/> (e.g. voluntary-sector organisations from outside the
    /// reference data) in one transaction; their borough and system must already be stored.</summary>
    public Task<int> SaveOrganisationsAsync(IReadOnlyCollection<Organisation> organisations, CancellationToken ct) =>
        database.WriteAsync((connection, transaction) => UpsertOrganisations(connection, transaction, organisations, ct), ct);

    /// <summary>Counts of what the store holds.</summary>
    public async Task<LondonSummary> SummaryAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleAsync<SummaryRow>(new CommandDefinition("""
            SELECT (SELECT COUNT(*) FROM integrated_care_system) AS Systems,
                   (SELECT COUNT(*) FROM local_authority) AS Boroughs,
                   (SELECT COUNT(*) FROM lsoa) AS Lsoas,
                   (SELECT COALESCE(SUM(population_2021), 0) FROM local_authority) AS Population2021,
                   (SELECT COUNT(*) FROM organisation WHERE kind = 'GpPractice' AND active = 1) AS ActivePractices,
                   (SELECT COUNT(*) FROM organisation WHERE kind = 'NhsTrust' AND active = 1) AS ActiveTrusts
            """, cancellationToken: ct));
        return new LondonSummary((int)row.Systems, (int)row.Boroughs, (int)row.Lsoas, row.Population2021,
            (int)row.ActivePractices, (int)row.ActiveTrusts);
    }

    /// <summary>London's integrated care systems, by code.</summary>
    public async Task<IReadOnlyList<IntegratedCareSystem>> ListSystemsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<SystemRow>(new CommandDefinition(
            "SELECT code, ods_code AS OdsCode, name, short_name AS ShortName FROM integrated_care_system ORDER BY code",
            cancellationToken: ct));
        return rows.Select(r => r.ToSystem()).ToList();
    }

    /// <summary>The integrated care system with <paramref name="code"/>, or null.</summary>
    public async Task<IntegratedCareSystem?> FindSystemAsync(IcsCode code, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SystemRow>(new CommandDefinition(
            "SELECT code, ods_code AS OdsCode, name, short_name AS ShortName FROM integrated_care_system WHERE code = @Code",
            new { Code = code.Value }, cancellationToken: ct));
        return row?.ToSystem();
    }

    /// <summary>Boroughs with their deprivation and primary-care figures, in one system or all London, by name.</summary>
    public async Task<IReadOnlyList<BoroughSummary>> ListBoroughsAsync(IcsCode? ics, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<BoroughRow>(new CommandDefinition(BoroughSummarySql + """
             WHERE @Ics IS NULL OR la.ics_code = @Ics
             ORDER BY la.name
            """, new { Ics = ics?.Value }, cancellationToken: ct));
        return rows.Select(r => r.ToSummary()).ToList();
    }

    /// <summary>The borough with <paramref name="code"/> and its figures, or null.</summary>
    public async Task<BoroughSummary?> FindBoroughAsync(BoroughCode code, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<BoroughRow>(new CommandDefinition(
            BoroughSummarySql + " WHERE la.code = @Code", new { Code = code.Value }, cancellationToken: ct));
        return row?.ToSummary();
    }

    /// <summary>The borough's LSOAs and residents in each national IMD decile (all ten deciles, zeros included).</summary>
    public async Task<IReadOnlyList<DecileCount>> ImdDecilesAsync(BoroughCode code, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<DecileRow>(new CommandDefinition("""
            SELECT imd_decile AS Decile, COUNT(*) AS Lsoas, SUM(population_mid2020) AS Population
              FROM lsoa WHERE local_authority_code = @Code GROUP BY imd_decile
            """, new { Code = code.Value }, cancellationToken: ct))).ToDictionary(r => (int)r.Decile);
        return Enumerable.Range(1, 10)
            .Select(d => rows.TryGetValue(d, out var r) ? new DecileCount(d, (int)r.Lsoas, r.Population) : new DecileCount(d, 0, 0))
            .ToList();
    }

    /// <summary>The borough's Census 2021 residents by five-year age band and sex, youngest first.</summary>
    public async Task<IReadOnlyList<AgeBandPopulation>> AgeProfileAsync(BoroughCode code, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<AgeRow>(new CommandDefinition("""
            SELECT age_min AS AgeMin, age_band AS AgeBand,
                   SUM(CASE WHEN sex = 'female' THEN population ELSE 0 END) AS Female,
                   SUM(CASE WHEN sex = 'male' THEN population ELSE 0 END) AS Male
              FROM resident_population WHERE local_authority_code = @Code
             GROUP BY age_min, age_band ORDER BY age_min
            """, new { Code = code.Value }, cancellationToken: ct));
        return rows.Select(r => new AgeBandPopulation((int)r.AgeMin, r.AgeBand, (int)r.Female, (int)r.Male)).ToList();
    }

    /// <summary>The borough's LSOAs, most deprived first.</summary>
    public async Task<IReadOnlyList<Lsoa>> ListLsoasAsync(BoroughCode code, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<LsoaRow>(new CommandDefinition(
            LsoaSql + " WHERE local_authority_code = @Code ORDER BY imd_rank", new { Code = code.Value }, cancellationToken: ct));
        return rows.Select(r => r.ToLsoa()).ToList();
    }

    /// <summary>The LSOA with <paramref name="code"/>, or null.</summary>
    public async Task<Lsoa?> FindLsoaAsync(LsoaCode code, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<LsoaRow>(new CommandDefinition(
            LsoaSql + " WHERE code = @Code", new { Code = code.Value }, cancellationToken: ct));
        return row?.ToLsoa();
    }

    /// <summary>Organisations matching <paramref name="filter"/>, by name, one page at a time.</summary>
    public async Task<Page<Organisation>> ListOrganisationsAsync(OrganisationFilter filter, int offset, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        const string where = """
             WHERE (@Kind IS NULL OR kind = @Kind)
               AND (@Borough IS NULL OR local_authority_code = @Borough)
               AND (@Ics IS NULL OR ics_code = @Ics)
               AND (@Active IS NULL OR active = @Active)
               AND (@Name IS NULL OR LOWER(name) LIKE @Name)
            """;
        var parameters = new
        {
            Kind = filter.Kind?.ToString(),
            Borough = filter.Borough?.Value,
            Ics = filter.Ics?.Value,
            Active = filter.Active is null ? (int?)null : filter.Active.Value ? 1 : 0,
            Name = string.IsNullOrWhiteSpace(filter.NameContains) ? null : $"%{EscapeLike(filter.NameContains.Trim().ToLowerInvariant())}%",
            Offset = offset,
            Limit = limit,
        };
        await using var connection = await database.OpenConnectionAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM organisation" + where, parameters, cancellationToken: ct));
        var rows = await connection.QueryAsync<OrganisationRow>(new CommandDefinition(
            OrganisationSql + where + " ORDER BY name, code LIMIT @Limit OFFSET @Offset", parameters, cancellationToken: ct));
        return new Page<Organisation>(rows.Select(r => r.ToOrganisation()).ToList(), (int)total, offset, limit);
    }

    /// <summary>The organisation with <paramref name="code"/> (ODS or ONS), or null.</summary>
    public async Task<Organisation?> FindOrganisationAsync(string code, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<OrganisationRow>(new CommandDefinition(
            OrganisationSql + " WHERE code = @Code", new { Code = code.Trim().ToUpperInvariant() }, cancellationToken: ct));
        return row?.ToOrganisation();
    }

    private static Task<int> UpsertOrganisations(DbConnection connection, DbTransaction transaction,
        IEnumerable<Organisation> organisations, CancellationToken ct) =>
        Upsert(connection, transaction, UpsertOrganisation, organisations.Select(o => new
        {
            o.Code, o.CodeSystem, Kind = o.Kind.ToString(), o.Name, o.Postcode, Active = o.Active ? 1 : 0,
            Borough = o.Borough?.Value, Ics = o.Ics?.Value, o.PartOf, o.ListSize,
        }), ct);

    private static async Task<int> Upsert<T>(DbConnection connection, DbTransaction transaction, string sql, IEnumerable<T> rows, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: ct));

    // LIKE patterns use backslash as the escape character in both engines once ESCAPE is given; we keep it simple by
    // removing the wildcard characters from what people type.
    private static string EscapeLike(string text) => text.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
}
