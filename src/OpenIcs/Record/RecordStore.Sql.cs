namespace OpenIcs.Record;

/// <summary>The SQL text of <see cref="RecordStore"/> and <see cref="RecordWriter"/>: the same on SQLite and PostgreSQL.</summary>
public sealed partial class RecordStore
{
    internal const string CurrentColumns = """
        r.rk AS Rk, r.type AS Type, r.id AS Id, r.version AS Version, r.last_updated AS LastUpdated, r.deleted AS Deleted, r.body AS Body
        """;

    internal const string HistoryColumns = """
        r.rk AS Rk, r.type AS Type, r.id AS Id, h.version AS Version, h.last_updated AS LastUpdated, h.deleted AS Deleted, h.body AS Body
        """;

    internal const string FindForWrite = """
        SELECT rk AS Rk, version AS Version, deleted AS Deleted, hash AS Hash FROM resource WHERE type = @Type AND id = @Id
        """;

    internal const string InsertResource = """
        INSERT INTO resource (rk, type, id, version, last_updated, deleted, patient, hash, body)
        VALUES (@Rk, @Type, @Id, @Version, @LastUpdated, @Deleted, @Patient, @Hash, @Body)
        """;

    internal const string KeepHistory = """
        INSERT INTO resource_history (rk, version, last_updated, deleted, body)
        SELECT rk, version, last_updated, deleted, body FROM resource WHERE rk = @Rk AND version = @Version
        """;

    internal const string ReplaceResource = """
        UPDATE resource SET version = @NewVersion, last_updated = @LastUpdated, deleted = @Deleted, patient = @Patient,
            hash = @Hash, body = @Body
         WHERE rk = @Rk AND version = @Version
        """;

    internal static readonly string[] IndexTables =
        ["search_token", "search_string", "search_date", "search_reference", "search_quantity", "patient_nhs_number"];
}
