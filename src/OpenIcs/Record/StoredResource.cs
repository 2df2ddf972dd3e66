using System.Globalization;

namespace OpenIcs.Record;

/// <summary>One version of a resource as stored: its keys, version, time and JSON (null for a deletion).</summary>
/// <param name="Rk">The store's surrogate key of the resource (all versions share it).</param>
/// <param name="Type">The resource type.</param>
/// <param name="Id">The logical id.</param>
/// <param name="Version">The version, from 1.</param>
/// <param name="LastUpdated">When this version was written, in Unix milliseconds.</param>
/// <param name="Deleted">True when this version records a deletion.</param>
/// <param name="Body">UTF-8 JSON with <c>meta.versionId</c> and <c>meta.lastUpdated</c> set; null when deleted.</param>
public sealed record StoredResource(long Rk, string Type, string Id, int Version, long LastUpdated, bool Deleted, byte[]? Body)
{
    /// <summary>When this version was written.</summary>
    public DateTimeOffset LastUpdatedAt => DateTimeOffset.FromUnixTimeMilliseconds(LastUpdated);

    /// <summary>The weak ETag of this version: <c>W/"3"</c>.</summary>
    public string ETag => string.Create(CultureInfo.InvariantCulture, $"W/\"{Version}\"");

    /// <summary>The relative URL of this version: <c>Patient/1/_history/3</c>.</summary>
    public string VersionUrl => string.Create(CultureInfo.InvariantCulture, $"{Type}/{Id}/_history/{Version}");
}
