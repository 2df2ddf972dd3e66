using BenchmarkDotNet.Attributes;
using OpenIcs.Statistics;

namespace OpenIcs.Bench.Statistics;

/// <summary>Slope index of inequality over 10 deprivation deciles for many areas, with and without simulated intervals.</summary>
/// <remarks>
/// The baseline is the plain way: per area, LINQ to build ranks and the weighted regression. The simulated interval uses
/// 1,000 repetitions per area (the reference's minimum; its default of 100,000 is 100 times the work).
/// Run: <c>dotnet run -c Release --project bench/OpenIcs.Bench -- --filter *SiiBenchmarks* --job short</c>.
/// </remarks>
[MemoryDiagnoser]
public class SiiBenchmarks
{
    private const int Deciles = 10;
    private double[] _values = [];
    private double[] _population = [];
    private double[] _standardError = [];

    [Params(10_000)]
    public int Areas { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2004);
        _values = new double[Areas * Deciles];
        _population = new double[Areas * Deciles];
        _standardError = new double[Areas * Deciles];
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = 70 + (i % Deciles) + random.NextDouble();
            _population[i] = random.Next(5_000, 20_000);
            _standardError[i] = 0.5 + random.NextDouble();
        }
    }

    [Benchmark(Baseline = true)]
    public double PlainLinq()
    {
        double checksum = 0;
        for (var a = 0; a < Areas; a++)
        {
            var values = _values.Skip(a * Deciles).Take(Deciles).ToArray();
            var population = _population.Skip(a * Deciles).Take(Deciles).ToArray();
            var shares = population.Select(p => p / population.Sum()).ToArray();
            var ranks = shares.Select((s, i) => shares.Take(i).Sum() + (s / 2)).ToArray();
            var meanRank = ranks.Zip(shares, (x, w) => x * w).Sum();
            var meanValue = values.Zip(shares, (y, w) => y * w).Sum();
            var slope = ranks.Select((x, i) => shares[i] * (x - meanRank) * (values[i] - meanValue)).Sum()
                / ranks.Select((x, i) => shares[i] * (x - meanRank) * (x - meanRank)).Sum();
            checksum += slope;
        }

        return checksum;
    }

    [Benchmark]
    public double OpenIcsStatistics()
    {
        double checksum = 0;
        for (var a = 0; a < Areas; a++)
        {
            checksum += SlopeIndexOfInequality.Calculate(_values.AsSpan(a * Deciles, Deciles), _population.AsSpan(a * Deciles, Deciles)).Sii;
        }

        return checksum;
    }

    [Benchmark]
    public double OpenIcsStatisticsWithSimulatedInterval()
    {
        double checksum = 0;
        for (var a = 0; a < Areas; a++)
        {
            var (sii, _) = SlopeIndexOfInequality.SimulateIntervals(
                _values.AsSpan(a * Deciles, Deciles), _population.AsSpan(a * Deciles, Deciles), _standardError.AsSpan(a * Deciles, Deciles),
                SiiValueScale.Normal, ConfidenceLevel.Percent95, repetitions: 1000, seed: a);
            checksum += sii.Width;
        }

        return checksum;
    }
}
