using System.Text.Json;
using OpenIcs.Places;

namespace OpenIcs.Tests.Places;

public class LsoaBoundariesTests
{
    [Fact]
    public void Every_London_LSOA_has_an_outline_in_its_borough()
    {
        var boundaries = new LsoaBoundaries(LondonReferenceData.DefaultFolder);
        var london = LondonReferenceData.Load(LondonReferenceData.DefaultFolder);

        var total = 0;
        foreach (var borough in london.Boroughs)
        {
            using var json = JsonDocument.Parse(boundaries.ForBorough(borough.Code)!);
            var features = json.RootElement.GetProperty("features");
            Assert.Equal(london.Lsoas.Count(l => l.Borough == borough.Code), features.GetArrayLength());
            Assert.All(features.EnumerateArray(), f => Assert.StartsWith("E01", f.GetProperty("properties").GetProperty("code").GetString(), StringComparison.Ordinal));
            total += features.GetArrayLength();
        }

        Assert.Equal(4835, total);
    }

    [Fact]
    public void A_missing_or_malformed_boundary_file_is_named()
    {
        var folder = Directory.CreateTempSubdirectory("openics-boundaries-").FullName;
        try
        {
            var missing = Assert.Throws<ReferenceDataException>(() => new LsoaBoundaries(folder).ForBorough(BoroughCode.Parse("E09000001")));
            Assert.Equal("london_lsoa2011.geojson: the file is missing.", missing.Message);

            File.WriteAllText(Path.Combine(folder, LsoaBoundaries.FileName),
                """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"lsoa11cd":"E01000001","lad11cd":"E09000099"},"geometry":null}]}""");
            var malformed = Assert.Throws<ReferenceDataException>(() => new LsoaBoundaries(folder).ForBorough(BoroughCode.Parse("E09000001")));
            Assert.Equal("london_lsoa2011.geojson: feature 1: 'E09000099' is not a London borough code (E09000001-E09000033).", malformed.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
