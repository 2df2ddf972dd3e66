using BenchmarkDotNet.Attributes;
using OpenIcs.Statistics;

namespace OpenIcs.Bench.Statistics;

/// <summary>Directly standardised rates with 95% Dobson limits for many groups of 19 ESP 2013 age bands.</summary>
/// <remarks>
/// Rows per second = Groups × 19 / mean time. The baseline is the plain way: LINQ over per-group arrays, as a first
/// version would be written. Run: <c>dotnet run -c Release --project bench/OpenIcs.Bench -- --filter *DsrBenchmarks* --job short</c>.
/// </remarks>
[MemoryDiagnoser]
public class DsrBenchmarks
{
    private const int Bands = 19;
    private double[] _events = [];
    private double[] _population = [];

    [Params(100_000, 1_000_000)]
    public int Groups { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2013);
        _events = new double[Groups * Bands];
        _population = new double[Groups * Bands];
        for (var i = 0; i < _events.Length; i++)
        {
            _population[i] = random.Next(500, 20_000);
            _events[i] = random.Next(0, 60);
        }
    }

    [Benchmark(Baseline = true)]
    public double PlainLinq()
    {
        var weights = StandardPopulation.EuropeanStandard2013.Weights.ToArray();
        var z = 1.959963984540054;
        double checksum = 0;
        for (var g = 0; g < Groups; g++)
        {
            var events = _events.Skip(g * Bands).Take(Bands).ToArray();
            var population = _population.Skip(g * Bands).Take(Bands).ToArray();
            var rates = events.Zip(population, (x, n) => x / n).ToArray();
            var total = events.Sum();
            var dsr = rates.Zip(weights, (r, w) => r * w).Sum() / weights.Sum() * 100_000;
            var variance = events.Select((x, i) => x * Math.Pow(weights[i] / population[i], 2)).Sum() / Math.Pow(weights.Sum(), 2);
            var byarLower = total * Math.Pow(1 - (1 / (9 * total)) - (z / (3 * Math.Sqrt(total))), 3);
            checksum += total < 10 ? 0 : dsr + (Math.Sqrt(variance / total) * (byarLower - total) * 100_000);
        }

        return checksum;
    }

    [Benchmark]
    public double OpenIcsStatistics()
    {
        var standard = StandardPopulation.EuropeanStandard2013;
        var events = _events.AsSpan();
        var population = _population.AsSpan();
        double checksum = 0;
        for (var g = 0; g < Groups; g++)
        {
            var dsr = DirectlyStandardisedRate.Calculate(events.Slice(g * Bands, Bands), population.Slice(g * Bands, Bands), standard);
            var estimate = dsr.ToEstimate(ConfidenceLevel.Percent95);
            checksum += estimate.IsPublished ? estimate.Interval.Lower : 0;
        }

        return checksum;
    }
}
