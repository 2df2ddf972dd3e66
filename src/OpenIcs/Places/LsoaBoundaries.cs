using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenIcs.Places;

/// <summary>The outlines of London's neighbourhoods (2011 LSOAs) as GeoJSON, one FeatureCollection per borough, read once
/// from <c>london_lsoa2011.geojson</c> in the reference folder.</summary>
public sealed class LsoaBoundaries
{
    /// <summary>The boundary file's name in the reference folder.</summary>
    public const string FileName = "london_lsoa2011.geojson";

    private readonly Lazy<FrozenDictionary<BoroughCode, byte[]>> _byBorough;

    /// <summary>Boundaries read from <paramref name="referenceFolder"/> when first asked for.</summary>
    public LsoaBoundaries(string referenceFolder) =>
        _byBorough = new Lazy<FrozenDictionary<BoroughCode, byte[]>>(() => Read(Path.Combine(referenceFolder, FileName)));

    /// <summary>The borough's LSOAs as a GeoJSON FeatureCollection (UTF-8), each feature with properties <c>code</c> and
    /// <c>name</c>; null for a borough with none.</summary>
    /// <exception cref="ReferenceDataException">The boundary file is missing or malformed.</exception>
    public byte[]? ForBorough(BoroughCode borough) => _byBorough.Value.GetValueOrDefault(borough);

    private static FrozenDictionary<BoroughCode, byte[]> Read(string path)
    {
        if (!File.Exists(path))
            throw new ReferenceDataException(FileName, "the file is missing.");
        JsonNode? root;
        try
        {
            using var stream = File.OpenRead(path);
            root = JsonNode.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new ReferenceDataException(FileName, (int)(e.LineNumber ?? 0) + 1, null, $"the file is not valid JSON: {e.Message}");
        }

        if (root?["features"] is not JsonArray features)
            throw new ReferenceDataException(FileName, "the file is not a GeoJSON FeatureCollection.");

        var groups = new Dictionary<BoroughCode, JsonArray>();
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i]!;
            var properties = feature["properties"];
            var codeText = properties?["lsoa11cd"]?.GetValue<string>();
            var boroughText = properties?["lad11cd"]?.GetValue<string>();
            if (!LsoaCode.TryParse(codeText, out var code))
                throw new ReferenceDataException(FileName, $"feature {i + 1}: {LsoaCode.Rule(codeText)}");
            if (!BoroughCode.TryParse(boroughText, out var borough))
                throw new ReferenceDataException(FileName, $"feature {i + 1}: {BoroughCode.Rule(boroughText)}");
            if (!groups.TryGetValue(borough, out var group))
                groups[borough] = group = [];
            group.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = new JsonObject { ["code"] = code.Value, ["name"] = properties?["lsoa11nm"]?.GetValue<string>() },
                ["geometry"] = feature["geometry"]?.DeepClone(),
            });
        }

        return groups.ToFrozenDictionary(g => g.Key,
            g => JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["type"] = "FeatureCollection", ["features"] = g.Value }));
    }
}
