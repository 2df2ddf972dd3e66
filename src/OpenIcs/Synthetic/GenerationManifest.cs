using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenIcs.Synthetic;

/// <summary>One NDJSON file of the output.</summary>
/// <param name="ResourceType">The FHIR resource type every line holds.</param>
/// <param name="File">The file name within the output folder.</param>
/// <param name="Count">How many resources (lines) it holds.</param>
/// <param name="Bytes">Its size on disk.</param>
/// <param name="Sha256">SHA-256 of the file as written (lower-case hex).</param>
public sealed record ManifestResource(string ResourceType, string File, long Count, long Bytes, string Sha256);

/// <summary>Another file of the output (the calibration report).</summary>
public sealed record ManifestFile(string File, long Bytes, string Sha256);

/// <summary><c>manifest.json</c>: what a run wrote and how to reproduce it. It holds no clock time, so two runs with the
/// same settings write identical manifests.</summary>
public sealed record GenerationManifest(
    string Generator,
    string GeneratorVersion,
    string FhirVersion,
    ulong Seed,
    double Scale,
    string PeriodStart,
    string PeriodEnd,
    string Compression,
    long Persons,
    IReadOnlyList<ManifestResource> Resources,
    IReadOnlyList<ManifestFile> Files)
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The manifest as UTF-8 JSON.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <summary>Reads a manifest written by <see cref="ToJson"/>.</summary>
    public static GenerationManifest Read(string path) =>
        JsonSerializer.Deserialize<GenerationManifest>(File.ReadAllBytes(path), Options)
        ?? throw new InvalidDataException($"{path} holds no manifest.");

    /// <summary>The count of <paramref name="type"/> resources.</summary>
    public long CountOf(ResourceType type) => Resources.First(r => r.ResourceType == type.ToString()).Count;
}
