using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace OpenIcs.Bench.Record;

/// <summary>An open-loop load generator: sends requests at a fixed rate whatever the server does, and measures each
/// from the moment it was due, so a slow server cannot hide its queueing (no coordinated omission).</summary>
public static class ReadLoad
{
    /// <summary>Latency percentiles and what was achieved.</summary>
    public sealed record Result(string Name, int Sent, int Failed, double AchievedPerSecond, double P50, double P90, double P99, double Max)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Name}: {Sent} requests at {AchievedPerSecond:F0}/s, {Failed} failed; latency ms p50 {P50:F2}, p90 {P90:F2}, p99 {P99:F2}, max {Max:F2}");
    }

    /// <summary>Sends <paramref name="rate"/> requests a second for <paramref name="seconds"/>, cycling through <paramref name="urls"/>.</summary>
    public static async Task<Result> RunAsync(HttpClient client, string name, IReadOnlyList<string> urls, int rate, int seconds)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var failed = 0;
        var pending = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var ticksPerRequest = Stopwatch.Frequency / (double)rate;
        var sent = 0;
        while (sent < total)
        {
            var due = (int)Math.Min(total, clock.ElapsedTicks / ticksPerRequest + 1);
            for (; sent < due; sent++)
            {
                var index = sent;
                var scheduled = (long)(index * ticksPerRequest);
                pending.Add(Task.Run(async () =>
                {
                    try
                    {
                        using var response = await client.GetAsync(urls[index % urls.Count], HttpCompletionOption.ResponseContentRead);
                        if (response.StatusCode != HttpStatusCode.OK)
                            Interlocked.Increment(ref failed);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref failed);
                    }

                    latencies[index] = (clock.ElapsedTicks - scheduled) * 1000.0 / Stopwatch.Frequency;
                }));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(pending);
        var elapsed = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new Result(name, total, failed, total / elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.90),
            Percentile(latencies, 0.99), latencies[^1]);
    }

    /// <summary>Sends the requests one after another and reports the latency distribution (for heavier operations).</summary>
    public static async Task<Result> SequentialAsync(HttpClient client, string name, IReadOnlyList<string> urls)
    {
        var latencies = new double[urls.Count];
        var failed = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < urls.Count; i++)
        {
            var start = clock.ElapsedTicks;
            using var response = await client.GetAsync(urls[i], HttpCompletionOption.ResponseContentRead);
            if (response.StatusCode != HttpStatusCode.OK)
                failed++;
            latencies[i] = (clock.ElapsedTicks - start) * 1000.0 / Stopwatch.Frequency;
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new Result(name, urls.Count, failed, urls.Count / elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.90),
            Percentile(latencies, 0.99), latencies[^1]);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
