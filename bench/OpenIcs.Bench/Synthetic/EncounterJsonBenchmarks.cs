using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace OpenIcs.Bench.Synthetic;

/// <summary>Why the generator writes FHIR JSON itself: building a Firely POCO per resource and serialising it (the
/// baseline) against writing the same Encounter with <see cref="Utf8JsonWriter"/> and pre-encoded codings.</summary>
[MemoryDiagnoser]
public class EncounterJsonBenchmarks
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly JsonEncodedText ResourceType = JsonEncodedText.Encode("resourceType");
    private static readonly JsonEncodedText EncounterName = JsonEncodedText.Encode("Encounter");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Finished = JsonEncodedText.Encode("finished");
    private static readonly JsonEncodedText ClassName = JsonEncodedText.Encode("class");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Subject = JsonEncodedText.Encode("subject");
    private static readonly JsonEncodedText PeriodName = JsonEncodedText.Encode("period");
    private static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
    private static readonly JsonEncodedText Provider = JsonEncodedText.Encode("serviceProvider");
    private static readonly byte[] ClassJson = """{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"EMER","display":"emergency"}"""u8.ToArray();
    private static readonly byte[] TypeJson = """[{"coding":[{"system":"http://snomed.info/sct","code":"4525004","display":"Emergency department patient visit"}]}]"""u8.ToArray();
    private static readonly byte[] ProviderJson = """{"reference":"Organization/ods-RQX"}"""u8.ToArray();

    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);

    [Params(1_000, 10_000)]
    public int Encounters { get; set; }

    [Benchmark(Baseline = true)]
    public long FirelyPocos()
    {
        long bytes = 0;
        for (var i = 0; i < Encounters; i++)
        {
            var encounter = new Encounter
            {
                Id = $"e-{i:D9}-1",
                Status = Encounter.EncounterStatus.Finished,
                Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "EMER", "emergency"),
                Type = [new CodeableConcept("http://snomed.info/sct", "4525004", "Emergency department patient visit")],
                Subject = new ResourceReference($"Patient/p-{i:D9}"),
                Period = new Period(new FhirDateTime(2019, 3, 4), new FhirDateTime(2019, 3, 4)),
                ServiceProvider = new ResourceReference("Organization/ods-RQX"),
            };
            bytes += FhirJsonSerializer.Default.SerializeToBytes(encounter).Length;
        }

        return bytes;
    }

    [Benchmark]
    public long Utf8JsonWriterWithEncodedCodings()
    {
        _buffer.ResetWrittenCount();
        using var json = new Utf8JsonWriter(_buffer, Options);
        Span<char> id = stackalloc char[16];
        for (var i = 0; i < Encounters; i++)
        {
            json.WriteStartObject();
            json.WriteString(ResourceType, EncounterName);
            "e-".AsSpan().CopyTo(id);
            i.TryFormat(id[2..], out var written, "D9");
            json.WriteString(Id, id[..(2 + written)]);
            json.WriteString(Status, Finished);
            json.WritePropertyName(ClassName);
            json.WriteRawValue(ClassJson, skipInputValidation: true);
            json.WritePropertyName(TypeName);
            json.WriteRawValue(TypeJson, skipInputValidation: true);
            json.WriteStartObject(Subject);
            json.WriteString("reference", $"Patient/p-{i:D9}");
            json.WriteEndObject();
            json.WriteStartObject(PeriodName);
            json.WriteString(Start, "2019-03-04"u8);
            json.WriteString(End, "2019-03-04"u8);
            json.WriteEndObject();
            json.WritePropertyName(Provider);
            json.WriteRawValue(ProviderJson, skipInputValidation: true);
            json.WriteEndObject();
            json.Flush();
            json.Reset(_buffer);
        }

        return _buffer.WrittenCount;
    }
}
