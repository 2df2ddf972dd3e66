using System.Security.Cryptography;
using System.Text.Json;
using CodeableConcept = Hl7.Fhir.Model.CodeableConcept;
using Patient = Hl7.Fhir.Model.Patient;
using Hl7.Fhir.Serialization;
using OpenIcs.Synthetic;

namespace OpenIcs.Tests.Synthetic;

public class GeneratorOutputTests(GeneratedLondon london)
{
    [Fact]
    public async Task Every_resource_parses_with_the_Firely_SDK_as_its_file_says()
    {
        var run = await london.SmallAsync();
        var deserializer = new FhirJsonDeserializer(new DeserializerSettings());
        long parsed = 0;
        foreach (var file in run.Manifest.Resources)
        {
            foreach (var line in GeneratedLondon.Lines(run, file.File))
            {
                var ok = deserializer.TryDeserializeResource(line, out var resource, out var issues);
                Assert.True(ok, $"{file.File}: {string.Join("; ", issues.Select(i => i.Message))}\n{line}");
                Assert.Equal(file.ResourceType, resource!.TypeName);
                parsed++;
            }
        }

        Assert.Equal(run.Manifest.Resources.Sum(r => r.Count), parsed);
        Assert.True(parsed > 50_000, $"only {parsed} resources");
    }

    [Fact]
    public void The_parse_check_rejects_a_resource_that_breaks_FHIR()
    {
        var deserializer = new FhirJsonDeserializer(new DeserializerSettings());
        Assert.False(deserializer.TryDeserializeResource("""{"resourceType":"Patient","id":"p-1","gender":"woman"}""", out _, out _));
        Assert.False(deserializer.TryDeserializeResource("""{"resourceType":"Encounter","id":"e 1","status":"finished"}""", out _, out _));
    }

    [Fact]
    public async Task Every_reference_resolves_within_the_output_and_ids_are_unique_and_well_formed()
    {
        var run = await london.SmallAsync();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var references = new List<(string From, string To)>();
        foreach (var file in run.Manifest.Resources)
        {
            foreach (var line in GeneratedLondon.Lines(run, file.File))
            {
                using var document = JsonDocument.Parse(line);
                var id = document.RootElement.GetProperty("id").GetString()!;
                Assert.Matches("^[A-Za-z0-9\\-\\.]{1,64}$", id);
                Assert.True(ids.Add($"{file.ResourceType}/{id}"), $"{file.ResourceType}/{id} appears twice");
                Collect(document.RootElement, $"{file.ResourceType}/{id}", references);
            }
        }

        Assert.NotEmpty(references);
        var dangling = references.Where(r => !ids.Contains(r.To)).Take(5).ToList();
        Assert.True(dangling.Count == 0, "unresolved: " + string.Join(", ", dangling.Select(d => $"{d.From} -> {d.To}")));
        Assert.Contains(references, r => r.To.StartsWith("Organization/vcs-", StringComparison.Ordinal));
        Assert.Contains(references, r => r.To.StartsWith("ServiceRequest/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Patients_carry_a_valid_test_range_NHS_number_and_UK_Core_ethnic_category()
    {
        var run = await london.SmallAsync();
        var deserializer = new FhirJsonDeserializer(new DeserializerSettings());
        var patients = GeneratedLondon.Lines(run, "Patient.ndjson.gz").Select(l => (Patient)deserializer.DeserializeResource(l)!).ToList();
        Assert.Equal(run.Manifest.Persons, patients.Count);
        var numbers = patients.Select(p => p.Identifier.Single(i => i.System == TestNhsNumbers.System).Value ?? "").ToList();
        Assert.All(numbers, n => Assert.True(TestNhsNumbers.IsValid(n) && n.StartsWith("999", StringComparison.Ordinal), n));
        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
        var ethnic = patients.Select(p => p.Extension.SingleOrDefault(e => e.Url == EthnicGroups.Extension)?.Value).OfType<CodeableConcept>().ToList();
        Assert.Equal(patients.Count, ethnic.Count);
        Assert.All(ethnic, c => Assert.Matches("^[A-HJ-NPRS]$", c.Coding.Single(x => x.System == EthnicGroups.CodeSystem).Code));
        Assert.All(patients, p => Assert.StartsWith("Organization/ods-", p.GeneralPractitioner.Single().Reference, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Organisations_carry_ODS_or_ONS_codes_and_voluntary_ones_a_synthetic_identifier()
    {
        var run = await london.SmallAsync();
        var organisations = GeneratedLondon.Lines(run, "Organization.ndjson.gz").Select(l => JsonDocument.Parse(l).RootElement).ToList();
        string System(JsonElement o) => o.GetProperty("identifier")[0].GetProperty("system").GetString()!;
        string Code(JsonElement o) => o.GetProperty("identifier")[0].GetProperty("value").GetString()!;
        Assert.Contains(organisations, o => System(o) == "https://fhir.nhs.uk/Id/ods-organization-code" && Code(o) == "F84003");
        Assert.Contains(organisations, o => System(o) == "http://statistics.data.gov.uk/id/statistical-geography" && Code(o) == "E09000012");
        Assert.Equal(99, organisations.Count(o => System(o) == VoluntarySector.IdentifierSystem));
        Assert.All(organisations.Where(o => System(o) == VoluntarySector.IdentifierSystem),
            o => Assert.EndsWith("(synthetic)", o.GetProperty("name").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_manifest_counts_every_line_and_hashes_every_file_as_written()
    {
        var run = await london.SmallAsync();
        var manifest = GenerationManifest.Read(Path.Combine(run.OutputFolder, GenerationManifest.FileName));
        Assert.Equal(run.Manifest, manifest with { Resources = run.Manifest.Resources, Files = run.Manifest.Files });
        Assert.Equal((7UL, GeneratedLondon.SmallScale, "2015-01-01", "2025-12-31"), (manifest.Seed, manifest.Scale, manifest.PeriodStart, manifest.PeriodEnd));
        Assert.Equal(ResourceFiles.All.Select(t => t.ToString()), manifest.Resources.Select(r => r.ResourceType));
        foreach (var file in manifest.Resources)
        {
            Assert.Equal(file.Count, GeneratedLondon.Lines(run, file.File).LongCount());
            Assert.Equal(file.Sha256, Hash(Path.Combine(run.OutputFolder, file.File)));
        }

        foreach (var file in manifest.Files)
            Assert.Equal(file.Sha256, Hash(Path.Combine(run.OutputFolder, file.File)));
        Assert.False(Directory.Exists(run.OutputFolder + ".partial"));
    }

    [Fact]
    public async Task The_same_seed_gives_byte_identical_output_on_one_thread_and_another_seed_does_not()
    {
        var run = await london.SmallAsync();
        var oneThread = await SyntheticLondon.GenerateAsync(london.Settings(GeneratedLondon.SmallScale, 7, "again-one-thread") with { Threads = 1 },
            ct: TestContext.Current.CancellationToken);
        var otherSeed = await SyntheticLondon.GenerateAsync(london.Settings(GeneratedLondon.SmallScale, 8, "other-seed"),
            ct: TestContext.Current.CancellationToken);

        Assert.Equal(Hash(Path.Combine(run.OutputFolder, GenerationManifest.FileName)), Hash(Path.Combine(oneThread.OutputFolder, GenerationManifest.FileName)));
        Assert.Equal(run.Manifest.Resources.Select(r => r.Sha256), oneThread.Manifest.Resources.Select(r => r.Sha256));
        // Organisations come from the reference data alone; everything about residents changes with the seed.
        Assert.Equal(run.Manifest.Resources[0].Sha256, otherSeed.Manifest.Resources[0].Sha256);
        Assert.All(run.Manifest.Resources.Skip(1).Zip(otherSeed.Manifest.Resources.Skip(1)), pair => Assert.NotEqual(pair.First.Sha256, pair.Second.Sha256));
    }

    private static void Collect(JsonElement element, string from, List<(string, string)> references)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "reference" && property.Value.ValueKind == JsonValueKind.String)
                        references.Add((from, property.Value.GetString()!));
                    else
                        Collect(property.Value, from, references);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, from, references);
                break;
        }
    }

    private static string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
