using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Threading.Channels;

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

    /// <summary>Sends <paramref name="rate"/> requests a second for <paramref name="seconds"/>, cycling through
    /// <paramref name="urls"/>, from at most <paramref name="workers"/> requests in flight (one per connection). A request
    /// due while every worker is busy waits, and that wait counts in its latency.</summary>
    public static async Task<Result> RunAsync(HttpClient client, string name, IReadOnlyList<string> urls, int rate, int seconds, int workers)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var failed = 0;
        var due = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleWriter = true });
        var ticksPerRequest = Stopwatch.Frequency / (double)rate;
        var clock = Stopwatch.StartNew();

        async Task Worker()
        {
            while (await due.Reader.WaitToReadAsync())
            {
                while (due.Reader.TryRead(out var index))
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

                    latencies[index] = (clock.ElapsedTicks - (long)(index * ticksPerRequest)) * 1000.0 / Stopwatch.Frequency;
                }
            }
        }

        // Requests are released by a thread of their own that sleeps a millisecond at a time. A timer (Task.Delay(1))
        // wakes only every 3-4 ms on this machine, and since a request released late is timed from when it was due, the
        // generator's own lateness was being reported as the server's (a static file's median was 2.5 ms; now 0.85 ms).
        var running = Enumerable.Range(0, workers).Select(_ => Task.Run(Worker)).ToList();
        var dispatcher = new Thread(() =>
        {
            for (var sent = 0; sent < total; Thread.Sleep(1))
            {
                var now = (int)Math.Min(total, clock.ElapsedTicks / ticksPerRequest + 1);
                for (; sent < now; sent++)
                    due.Writer.TryWrite(sent);
            }

            due.Writer.Complete();
        }) { IsBackground = true, Name = "load dispatcher" };
        dispatcher.Start();
        await Task.WhenAll(running);
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
