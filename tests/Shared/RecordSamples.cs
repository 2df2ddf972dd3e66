using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenIcs.Testing;

/// <summary>A small, deterministic synthetic record in FHIR R4 JSON: organisations, practitioners and residents with
/// NHS numbers, and their encounters, conditions, observations and the rest, one list of resources per type, as the
/// generator writes them (relative references, stable ids). For tests and benchmarks.</summary>
public sealed class RecordSamples
{
    private static readonly string[] Families = ["Smith", "Khan", "Okafor", "Nowak", "Patel", "Jones", "Begum", "Silva", "O'Brien", "Zoë-Ali"];
    private static readonly string[] Givens = ["Amira", "Ben", "Chloe", "Dev", "Ewa", "Femi", "Grace", "Hassan", "Isla", "Jack"];
    private static readonly string[] Postcodes = ["E1 6AN", "E14 2BG", "N1 9GU", "SE15 4QL", "SW9 8LF", "W10 5TP", "NW1 0AG", "E17 3EP"];

    private readonly Dictionary<string, List<JsonObject>> _byType = new(StringComparer.Ordinal);

    /// <summary>Builds a record of <paramref name="patients"/> residents.</summary>
    public RecordSamples(int patients, int seed = 1)
    {
        var random = new Random(seed);
        for (var o = 0; o < 5; o++)
            Add(Resource("Organization", $"org-{o}", ("identifier", Identifiers(("https://fhir.nhs.uk/Id/ods-organization-code", $"F8{4000 + o}"))),
                ("name", $"Practice {o}"), ("active", true)));
        Add(Resource("Location", "loc-0", ("name", "Mile End Hospital"), ("managingOrganization", Ref("Organization/org-0"))));
        for (var p = 0; p < 4; p++)
        {
            Add(Resource("Practitioner", $"prac-{p}", ("identifier", Identifiers(("https://fhir.hl7.org.uk/Id/gmc-number", $"G{7000000 + p}"))),
                ("name", new JsonArray(new JsonObject { ["family"] = Families[p], ["given"] = new JsonArray(Givens[p]) }))));
            Add(Resource("PractitionerRole", $"role-{p}", ("practitioner", Ref($"Practitioner/prac-{p}")), ("organization", Ref($"Organization/org-{p % 5}"))));
        }

        var nhs = 999_000_000L;
        for (var i = 0; i < patients; i++)
        {
            string number;
            do
            {
                nhs++;
                number = WithCheckDigit(nhs.ToString(CultureInfo.InvariantCulture));
            }
            while (number.Length != 10);

            var id = $"pat-{i}";
            var born = new DateTime(1930, 1, 1).AddDays(random.Next(0, 33_000));
            Add(Resource("Patient", id,
                ("identifier", Identifiers(("https://fhir.nhs.uk/Id/nhs-number", number))),
                ("name", new JsonArray(new JsonObject { ["family"] = Families[i % Families.Length], ["given"] = new JsonArray(Givens[(i / 3) % Givens.Length]) })),
                ("gender", i % 2 == 0 ? "female" : "male"),
                ("birthDate", born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("address", new JsonArray(new JsonObject { ["line"] = new JsonArray($"{i + 1} High Street"), ["city"] = "London", ["postalCode"] = Postcodes[i % Postcodes.Length] })),
                ("generalPractitioner", new JsonArray(Ref($"Organization/org-{i % 5}")))));
            JsonObject patient() => Ref($"Patient/{id}");
            for (var e = 0; e < 2; e++)
            {
                var start = new DateTime(2020, 1, 1).AddDays((i * 7) + (e * 100));
                Add(Resource("Encounter", $"enc-{i}-{e}", ("status", "finished"),
                    ("class", new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/v3-ActCode", ["code"] = "AMB" }),
                    ("subject", patient()), ("serviceProvider", Ref($"Organization/org-{i % 5}")),
                    ("participant", new JsonArray(new JsonObject { ["individual"] = Ref($"Practitioner/prac-{(i + e) % 4}") })),
                    ("period", new JsonObject { ["start"] = Instant(start), ["end"] = Instant(start.AddMinutes(20)) })));
            }

            Add(Resource("Condition", $"cond-{i}",
                ("clinicalStatus", Concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active")),
                ("code", Concept("http://snomed.info/sct", i % 3 == 0 ? "44054006" : "38341003")),
                ("subject", patient()), ("encounter", Ref($"Encounter/enc-{i}-0")),
                ("onsetDateTime", new DateTime(2015 + (i % 8), 1 + (i % 12), 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
            for (var b = 0; b < 3; b++)
            {
                Add(Resource("Observation", $"obs-{i}-{b}", ("status", "final"),
                    ("category", new JsonArray(Concept("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs"))),
                    ("code", Concept("http://snomed.info/sct", "271649006")), ("subject", patient()), ("encounter", Ref($"Encounter/enc-{i}-0")),
                    ("performer", new JsonArray(Ref($"Practitioner/prac-{i % 4}"))),
                    ("effectiveDateTime", Instant(new DateTime(2021, 1, 1).AddDays((i * 3) + (b * 30)))),
                    ("valueQuantity", new JsonObject { ["value"] = 110 + ((i + b) % 60), ["unit"] = "mmHg", ["system"] = "http://unitsofmeasure.org", ["code"] = "mm[Hg]" })));
            }

            if (i % 2 == 0)
                Add(Resource("Immunization", $"imm-{i}", ("status", "completed"), ("vaccineCode", Concept("http://snomed.info/sct", "39114911000001105")),
                    ("patient", patient()), ("occurrenceDateTime", "2021-03-01")));
            if (i % 4 == 0)
            {
                Add(Resource("EpisodeOfCare", $"eoc-{i}", ("status", "active"), ("patient", patient()), ("managingOrganization", Ref("Organization/org-1")),
                    ("period", new JsonObject { ["start"] = "2022-01-01" })));
                Add(Resource("ServiceRequest", $"sr-{i}", ("status", "active"), ("intent", "order"), ("subject", patient()),
                    ("code", Concept("http://snomed.info/sct", "871731000000106")), ("authoredOn", "2022-02-01"),
                    ("requester", Ref($"Practitioner/prac-{i % 4}"))));
                Add(Resource("Task", $"task-{i}", ("status", "requested"), ("intent", "order"), ("focus", Ref($"ServiceRequest/sr-{i}")),
                    ("for", patient()), ("authoredOn", "2022-02-01")));
                Add(Resource("QuestionnaireResponse", $"qr-{i}", ("status", "completed"), ("subject", patient()), ("authored", "2022-03-01"),
                    ("questionnaire", "https://openics.example/Questionnaire/wemwbs")));
                Add(Resource("Consent", $"consent-{i}", ("status", "active"),
                    ("scope", Concept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy")),
                    ("category", new JsonArray(Concept("http://loinc.org", "59284-0"))), ("patient", patient()), ("dateTime", "2022-01-01")));
                Add(Resource("CareTeam", $"team-{i}", ("status", "active"), ("subject", patient()),
                    ("participant", new JsonArray(new JsonObject { ["member"] = Ref($"Practitioner/prac-{i % 4}") }))));
                Add(Resource("AuditEvent", $"audit-{i}", ("type", new JsonObject { ["system"] = "http://dicom.nema.org/resources/ontology/DCM", ["code"] = "110110" }),
                    ("recorded", "2022-03-01T10:00:00Z"),
                    ("agent", new JsonArray(new JsonObject { ["who"] = Ref($"Practitioner/prac-{i % 4}"), ["requestor"] = true })),
                    ("source", new JsonObject { ["observer"] = Ref("Organization/org-0") }),
                    ("entity", new JsonArray(new JsonObject { ["what"] = patient() }))));
            }
        }

        Add(Resource("Group", "household-0", ("type", "person"), ("actual", true),
            ("member", new JsonArray(Enumerable.Range(0, Math.Min(patients, 3)).Select(i => (JsonNode)new JsonObject { ["entity"] = Ref($"Patient/pat-{i}") }).ToArray()))));
    }

    /// <summary>The resource types present, in the order they were made.</summary>
    public IEnumerable<string> Types => _byType.Keys;

    /// <summary>Every resource, as JSON objects.</summary>
    public IEnumerable<JsonObject> All => _byType.Values.SelectMany(v => v);

    /// <summary>The resources of <paramref name="type"/>.</summary>
    public IReadOnlyList<JsonObject> Of(string type) => _byType.TryGetValue(type, out var list) ? list : [];

    /// <summary>How many resources there are.</summary>
    public int Count => _byType.Values.Sum(v => v.Count);

    /// <summary>One resource as compact JSON bytes.</summary>
    public static byte[] Bytes(JsonObject resource) => Encoding.UTF8.GetBytes(resource.ToJsonString());

    /// <summary>Writes one <c>{Type}.ndjson.gz</c> (or <c>.ndjson</c>) per type into <paramref name="folder"/>.</summary>
    public void WriteNdjson(string folder, bool gzip = true)
    {
        Directory.CreateDirectory(folder);
        foreach (var (type, resources) in _byType)
        {
            var path = Path.Combine(folder, $"{type}.ndjson{(gzip ? ".gz" : "")}");
            using var file = File.Create(path);
            using Stream stream = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            foreach (var resource in resources)
                writer.Write(resource.ToJsonString() + "\n");
        }
    }

    /// <summary>Completes nine digits with their Modulus 11 check digit, or returns them unchanged when none exists.</summary>
    public static string WithCheckDigit(string nine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
            sum += (nine[i] - '0') * (10 - i);
        var check = 11 - (sum % 11);
        return check == 10 ? nine : nine + (check == 11 ? 0 : check).ToString(CultureInfo.InvariantCulture);
    }

    private void Add(JsonObject resource)
    {
        var type = resource["resourceType"]!.GetValue<string>();
        if (!_byType.TryGetValue(type, out var list))
            _byType[type] = list = [];
        list.Add(resource);
    }

    private static JsonObject Resource(string type, string id, params (string Name, JsonNode? Value)[] elements)
    {
        var resource = new JsonObject { ["resourceType"] = type, ["id"] = id };
        foreach (var (name, value) in elements)
            resource[name] = value;
        return resource;
    }

    private static JsonArray Identifiers(params (string System, string Value)[] identifiers) =>
        new(identifiers.Select(i => (JsonNode)new JsonObject { ["system"] = i.System, ["value"] = i.Value }).ToArray());

    private static JsonObject Ref(string reference) => new() { ["reference"] = reference };

    private static JsonObject Concept(string system, string code) =>
        new() { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) };

    private static string Instant(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
