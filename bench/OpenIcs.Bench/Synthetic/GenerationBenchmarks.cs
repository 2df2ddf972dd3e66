using BenchmarkDotNet.Attributes;
using OpenIcs.Synthetic;

namespace OpenIcs.Bench.Synthetic;

/// <summary>Whole runs of the generator at small scales: one worker (the baseline) against every processor.
/// End-to-end figures at 0.1 and above come from <c>openics generate</c>, which prints residents/s and resources/s.</summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private string _root = "";

    [Params(0.001, 0.01)]
    public double Scale { get; set; }

    [GlobalSetup]
    public void Setup() => _root = Path.Combine(Path.GetTempPath(), "openics-bench-" + Guid.NewGuid().ToString("N"));

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public long OneWorker() => Run(1);

    [Benchmark]
    public long AllProcessors() => Run(null);

    private long Run(int? threads)
    {
        var folder = Path.Combine(_root, Guid.NewGuid().ToString("N"));
        var settings = new GenerationSettings(Scale, 42, GenerationSettings.DefaultFromYear, GenerationSettings.DefaultToYear, folder) { Threads = threads };
        var result = SyntheticLondon.GenerateAsync(settings).GetAwaiter().GetResult();
        Directory.Delete(folder, recursive: true);
        return result.Manifest.Resources.Sum(r => r.Count);
    }
}
