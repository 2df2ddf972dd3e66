using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OpenIcs.Record;

/// <summary>The record's traces and metrics, named <c>OpenIcs.Record</c>: searches, writes and bulk loads.</summary>
/// <remarks>Tags carry resource types and counts only, never identifiers, names or NHS numbers.</remarks>
public static class RecordTelemetry
{
    /// <summary>The name of the source and the meter.</summary>
    public const string Name = "OpenIcs.Record";

    /// <summary>Spans of searches and bulk batches.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Resources written by bulk ingest, by outcome (created, updated, unchanged, rejected).</summary>
    public static readonly Counter<long> Ingested = Meter.CreateCounter<long>("openics.record.ingested", "{resource}",
        "Resources processed by bulk ingest.");

    /// <summary>Searches run, by resource type.</summary>
    public static readonly Counter<long> Searches = Meter.CreateCounter<long>("openics.record.searches", "{search}", "FHIR searches run.");
}
