namespace OpenIcs.Record;

/// <summary>Limits and places of the FHIR API, bound from configuration section <c>OpenIcs:Record</c>.</summary>
public sealed class RecordOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "OpenIcs:Record";

    /// <summary>The largest request body accepted, in bytes (larger: 413).</summary>
    public long MaxBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>The most entries a batch or transaction Bundle may have (more: 413).</summary>
    public int MaxBundleEntries { get; set; } = 1000;

    /// <summary>Where bulk-export files are written; defaults to a folder under the system's temporary folder.</summary>
    public string? ExportFolder { get; set; }

    /// <summary>Resources per store transaction in bulk ingest.</summary>
    public int IngestBatchSize { get; set; } = 5000;
}
