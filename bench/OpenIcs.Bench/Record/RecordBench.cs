using System.Globalization;
using System.Text.Json;
using OpenIcs.Governance;
using OpenIcs.Record;
using OpenIcs.Record.Identity;
using OpenIcs.Storage;
using OpenIcs.Testing;

namespace OpenIcs.Bench.Record;

/// <summary>End-to-end figures for the shared care record (the closing note of issue #5 quotes them):
/// <c>record reads</c> drives a running server; <c>record match</c> measures $match precision and recall.
/// Ingest speed is what <c>openics load</c> prints.</summary>
public static class RecordBench
{
    /// <summary>Runs <c>record reads|match</c> with <c>--name value</c> options.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
        string Option(string name, string fallback) => options.TryGetValue(name, out var value) ? value : fallback;
        int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        switch (args.FirstOrDefault())
        {
            case "reads" when Option("only", "all") is not ("all" or "baseline" or "read" or "search" or "everything"):
                await Console.Error.WriteLineAsync($"record reads: --only '{Option("only", "")}' is not one of baseline, read, search, everything.");
                return 2;
            case "reads":
                await ReadsAsync(Option("url", "http://127.0.0.1:5200/fhir"), Number("rate", 1000), Number("seconds", 30), Number("connections", 64), Option("only", "all"));
                return 0;
            case "match":
                await MatchAsync(Option("store", "sqlite:" + Path.Combine(Path.GetTempPath(), "openics-match.db")), Number("people", 20_000), Number("queries", 2_000));
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: record reads [--url URL] [--rate N] [--seconds N] [--connections N] [--only baseline|read|search|everything]\n"
                    + "       record match [--store STORE] [--people N] [--queries N]");
                return 2;
        }
    }

    private static async Task ReadsAsync(string baseUrl, int rate, int seconds, int connections, string only)
    {
        // Socket completions run where epoll reports them instead of hopping to the thread pool: the generator's work per
        // response is a few header lines, and each hop is a thread wake-up taken from the server's cores. The runtime
        // reads this once, when the first socket is used.
        Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Accept.ParseAdd("application/fhir+json");

        // Residents to ask about: the first thousand stored.
        using var page = JsonDocument.Parse(await client.GetStringAsync("Patient?_count=1000&_elements=id"));
        var ids = page.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("id").GetString()!)
            .OrderBy(id => (uint)id.GetHashCode(StringComparison.Ordinal)).ToList();
        Console.WriteLine($"{ids.Count} residents; {rate}/s for {seconds} s over at most {connections} connections");

        bool Runs(string scenario) => only == "all" || only == scenario;
        async Task Measure(string name, IReadOnlyList<string> paths)
        {
            // Warm up each kind of request at the full rate before measuring it: the connection pools, the prepared
            // statements and the JIT, whose tiered recompilation of a fresh server goes on for about 20 s under this load.
            await ReadLoad.RunAsync(client, "warm-up", paths, rate, 10, connections);
            Console.WriteLine(await ReadLoad.RunAsync(client, name, paths, rate, seconds, connections));
        }

        // Baseline: the same load on an endpoint that does no work shows what the load generator and HTTP stack add.
        if (Runs("baseline"))
            await Measure("GET /js/js-enabled.js (baseline)", ["../js/js-enabled.js"]);
        if (Runs("read"))
            await Measure("GET Patient/{id}", ids.Select(id => $"Patient/{id}").ToList());
        if (Runs("search"))
            await Measure("GET Encounter?patient={id}&date=ge2020-01-01", ids.Select(id => $"Encounter?patient={id}&date=ge2020-01-01").ToList());
        if (Runs("everything"))
            Console.WriteLine(await ReadLoad.SequentialAsync(client, "GET Patient/{id}/$everything (sequential)",
                ids.Take(300).Select(id => $"Patient/{id}/$everything").ToList()));
    }

    private static async Task MatchAsync(string storeText, int people, int queries)
    {
        var location = StoreLocation.Parse(storeText);
        await using var database = await Database.OpenAsync(location, default);
        var store = new RecordStore(database, TimeProvider.System);
        var samples = new MatchSamples(people, queries);
        var state = new IngestState();
        foreach (var chunk in samples.Stored.Chunk(2000))
            await store.IngestAsync(chunk.Select(p => PreparedResource.From(RecordSamples.Bytes(p.ToPatient())).Value!).ToList(), state, default);

        var matcher = new PatientMatcher(store);
        int truePositives = 0, falsePositives = 0, falseNegatives = 0, possibleOnly = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (record, trueId) in samples.Queries)
        {
            var matches = await matcher.MatchAsync(AccessContext.System,
                new Demographics(null, record.Family, record.Given, record.BirthDate, record.Postcode, record.Gender), 3, default);
            var best = matches.FirstOrDefault(m => m.Grade is MatchGrade.Certain or MatchGrade.Probable);
            if (best is not null && best.Patient.Id == trueId)
                truePositives++;
            else if (best is not null)
                falsePositives++;
            if (trueId is not null && best?.Patient.Id != trueId)
            {
                falseNegatives++;
                if (matches.Any(m => m.Patient.Id == trueId))
                    possibleOnly++;
            }
        }

        var present = samples.Queries.Count(q => q.TrueId is not null);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"$match over {people} residents, {queries} records ({present} of stored residents, {queries - present} of nobody stored), errors injected:"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  probable or certain: precision {truePositives / (double)Math.Max(1, truePositives + falsePositives):F3}, recall {truePositives / (double)Math.Max(1, truePositives + falseNegatives):F3} (TP {truePositives}, FP {falsePositives}, FN {falseNegatives}, of which {possibleOnly} offered as possible)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalMilliseconds / queries:F2} ms per record on {location.Kind}"));
    }
}
