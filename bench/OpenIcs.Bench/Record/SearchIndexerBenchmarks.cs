using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.FhirPath;
using OpenIcs.Record.Search;
using OpenIcs.Testing;

namespace OpenIcs.Bench.Record;

/// <summary>Computing a resource's search-index values: the record's compiled JSON paths against general FHIRPath over
/// Firely POCOs (the plain way) for the same parameters. Ingest speed rests on this.</summary>
[MemoryDiagnoser]
public class SearchIndexerBenchmarks
{
    private JsonDocument _json = null!;
    private Resource _resource = null!;
    private List<CompiledExpression> _expressions = null!;

    [Params("Patient", "Observation", "Encounter")]
    public string Type { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var sample = new RecordSamples(1).Of(Type)[0];
        _json = JsonDocument.Parse(sample.ToJsonString());
        _resource = new FhirJsonDeserializer().DeserializeResource(sample.ToJsonString());
        var compiler = new FhirPathCompiler();
        _expressions = [];
        foreach (var parameter in SearchParameterCatalog.For(Type).Values.Where(p => p.Paths.Count > 0 && p.StoredAs is null))
        {
            // Firely's default symbols lack resolve(); drop the reference-type filters it is used in.
            var expression = parameter.Expression.Replace(".where(resolve() is Patient)", "", StringComparison.Ordinal)
                .Replace(".where(resolve() is Practitioner)", "", StringComparison.Ordinal);
            try
            {
                _expressions.Add(compiler.Compile(expression));
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
            {
                // Left out of both sides' work would be fairer, but the JSON side indexes it; the ratio errs against us.
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _json.Dispose();

    [Benchmark(Baseline = true)]
    public int FirelyFhirPath()
    {
        var node = _resource.ToPocoNode();
        var count = 0;
        foreach (var expression in _expressions)
            count += expression(node, new EvaluationContext()).Count();
        return count;
    }

    [Benchmark]
    public int CompiledJsonPaths() => SearchIndexer.Index(Type, "x", _json.RootElement).RowCount;
}
