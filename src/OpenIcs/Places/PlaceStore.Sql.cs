namespace OpenIcs.Places;

/// <summary>The SQL text of <see cref="PlaceStore"/>: the same on SQLite and PostgreSQL.</summary>
public sealed partial class PlaceStore
{
    private const string UpsertSystem = """
        INSERT INTO integrated_care_system (code, ods_code, name, short_name) VALUES (@Code, @OdsCode, @Name, @ShortName)
        ON CONFLICT (code) DO UPDATE SET ods_code = excluded.ods_code, name = excluded.name, short_name = excluded.short_name
        """;

    private const string UpsertBorough = """
        INSERT INTO local_authority (code, name, inner_outer, ics_code, population_2011, population_2021)
        VALUES (@Code, @Name, @InnerOuter, @Ics, @Population2011, @Population2021)
        ON CONFLICT (code) DO UPDATE SET name = excluded.name, inner_outer = excluded.inner_outer, ics_code = excluded.ics_code,
            population_2011 = excluded.population_2011, population_2021 = excluded.population_2021
        """;

    private const string UpsertLsoa = """
        INSERT INTO lsoa (code, name, local_authority_code, imd_score, imd_rank, imd_decile, income_score_pct,
                          employment_score_pct, population_mid2020)
        VALUES (@Code, @Name, @Borough, @ImdScore, @ImdRank, @ImdDecile, @IncomeScorePercent, @EmploymentScorePercent,
                @PopulationMid2020)
        ON CONFLICT (code) DO UPDATE SET name = excluded.name, local_authority_code = excluded.local_authority_code,
            imd_score = excluded.imd_score, imd_rank = excluded.imd_rank, imd_decile = excluded.imd_decile,
            income_score_pct = excluded.income_score_pct, employment_score_pct = excluded.employment_score_pct,
            population_mid2020 = excluded.population_mid2020
        """;

    private const string UpsertPopulation = """
        INSERT INTO resident_population (local_authority_code, sex, age_min, age_band, population)
        VALUES (@Borough, @Sex, @AgeMin, @AgeBand, @Population)
        ON CONFLICT (local_authority_code, sex, age_min) DO UPDATE SET age_band = excluded.age_band, population = excluded.population
        """;

    private const string UpsertOrganisation = """
        INSERT INTO organisation (code, code_system, kind, name, postcode, active, local_authority_code, ics_code,
                                  part_of_code, list_size)
        VALUES (@Code, @CodeSystem, @Kind, @Name, @Postcode, @Active, @Borough, @Ics, @PartOf, @ListSize)
        ON CONFLICT (code) DO UPDATE SET code_system = excluded.code_system, kind = excluded.kind, name = excluded.name,
            postcode = excluded.postcode, active = excluded.active, local_authority_code = excluded.local_authority_code,
            ics_code = excluded.ics_code, part_of_code = excluded.part_of_code, list_size = excluded.list_size
        """;

    private const string BoroughSummarySql = """
        SELECT la.code AS Code, la.name AS Name, la.inner_outer AS InnerOuter, la.ics_code AS Ics,
               la.population_2011 AS Population2011, la.population_2021 AS Population2021, ics.short_name AS IcsShortName,
               (SELECT COUNT(*) FROM lsoa l WHERE l.local_authority_code = la.code) AS Lsoas,
               (SELECT COUNT(*) FROM lsoa l WHERE l.local_authority_code = la.code AND l.imd_decile <= 2) AS MostDeprivedFifthLsoas,
               (SELECT COUNT(*) FROM organisation o
                 WHERE o.local_authority_code = la.code AND o.kind = 'GpPractice' AND o.active = 1) AS ActivePractices
          FROM local_authority la JOIN integrated_care_system ics ON ics.code = la.ics_code
        """;

    private const string LsoaSql = """
        SELECT code AS Code, name AS Name, local_authority_code AS Borough, imd_score AS ImdScore, imd_rank AS ImdRank,
               imd_decile AS ImdDecile, income_score_pct AS IncomeScorePercent,
               employment_score_pct AS EmploymentScorePercent, population_mid2020 AS PopulationMid2020
          FROM lsoa
        """;

    private const string OrganisationSql = """
        SELECT code AS Code, code_system AS CodeSystem, kind AS Kind, name AS Name, postcode AS Postcode, active AS Active,
               local_authority_code AS Borough, ics_code AS Ics, part_of_code AS PartOf, list_size AS ListSize
          FROM organisation
        """;
}
