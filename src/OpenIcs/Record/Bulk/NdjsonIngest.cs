using System.Diagnostics;
using System.IO.Compression;
using System.Threading.Channels;

namespace OpenIcs.Record.Bulk;

/// <summary>One NDJSON input: a file of one resource type (e.g. <c>Patient.ndjson.gz</c>) or a request body.</summary>
/// <param name="Name">Shown in error messages with the line number.</param>
/// <param name="Open">Opens the raw (possibly gzip) stream.</param>
/// <param name="Length">Its size in bytes, for progress; 0 when unknown.</param>
/// <param name="Gzip">True when the stream is gzip-compressed.</param>
public sealed record IngestSource(string Name, Func<Stream> Open, long Length, bool Gzip)
{
    /// <summary>The resource type a file name starts with (<c>Patient.ndjson.gz</c>), or null.</summary>
    public string? Type => Path.GetFileName(Name).Split('.')[0] is { Length: > 0 } type && RecordTypes.IsSupported(type) ? type : null;
}

/// <summary>How far a load has got.</summary>
/// <param name="Resources">Resources committed so far (created, updated or unchanged).</param>
/// <param name="Bytes">Input bytes read.</param>
/// <param name="TotalBytes">All input bytes (0 when unknown).</param>
public readonly record struct IngestProgress(long Resources, long Bytes, long TotalBytes);

/// <summary>What a load did.</summary>
public sealed record IngestReport(long Created, long Updated, long Unchanged, long Rejected, IReadOnlyList<string> Errors,
    IReadOnlyDictionary<string, long> ByType, TimeSpan Elapsed)
{
    /// <summary>Resources stored or confirmed per second.</summary>
    public double PerSecond => (Created + Updated + Unchanged) / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>Loads FHIR NDJSON (the generator's output, or a bulk-export) into the record: lines are checked and indexed
/// in parallel, then written in order, one transaction per batch, so an interrupted load keeps every batch it
/// acknowledged and no half batch. Re-loading the same files changes nothing.</summary>
public sealed class NdjsonIngest(RecordStore store, int batchSize = 5000)
{
    /// <summary>The most error messages a report keeps.</summary>
    public const int MaxErrors = 50;

    /// <summary>The NDJSON files in <paramref name="folder"/>, in an order that keeps references pointing backwards
    /// (organisations before patients before their records).</summary>
    public static IReadOnlyList<IngestSource> FromFolder(string folder)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"'{folder}' is not a folder.");
        return Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".ndjson.gz", StringComparison.OrdinalIgnoreCase))
            .Select(f => new IngestSource(Path.GetFileName(f), () => File.OpenRead(f), new FileInfo(f).Length,
                f.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)))
            .OrderBy(s => s.Type is { } type ? RecordTypes.LoadRank(type) : int.MaxValue)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Loads <paramref name="sources"/> in order; <paramref name="progress"/> hears after every committed batch.</summary>
    public async Task<IngestReport> RunAsync(IReadOnlyList<IngestSource> sources, IProgress<IngestProgress>? progress, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var clock = Stopwatch.StartNew();
        var totalBytes = sources.Sum(s => s.Length);
        var state = new IngestState();
        var errors = new List<string>();
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        long created = 0, updated = 0, unchanged = 0, rejected = 0;

        // Preparing (parse, check, index) runs ahead on the thread pool; writing takes batches in order.
        var prepared = Channel.CreateBounded<Task<PreparedBatch>>(new BoundedChannelOptions(Math.Max(2, Environment.ProcessorCount * 2))
        {
            SingleReader = true, SingleWriter = true,
        });
        var reading = Task.Run(async () =>
        {
            try
            {
                var before = 0L;
                foreach (var source in sources)
                {
                    await foreach (var batch in ReadBatchesAsync(source, before, stop.Token))
                        await prepared.Writer.WriteAsync(Task.Run(() => Prepare(batch), stop.Token), stop.Token);
                    before += source.Length;
                }
            }
            finally
            {
                prepared.Writer.Complete();
            }
        }, stop.Token);

        try
        {
            // Batches of one type may be written side by side where the engine allows; a new type waits for the
            // previous one, so references to it resolve and identifiers it stored are matched. Once the first batch of a
            // new type is in, the planner's statistics are refreshed before more follow: they would otherwise say the
            // type is absent, and lookups planned on that belief read every stored resource of the type.
            var writing = new List<Task>();
            string? writingType = null;
            var batchesOfType = 0;
            var createdBeforeType = 0L;
            var refreshed = false;
            await foreach (var next in prepared.Reader.ReadAllAsync(ct))
            {
                var batch = await next;
                foreach (var (line, error) in batch.Errors)
                    Note($"{batch.Source}:{line}: {error.Message}");
                lock (errors)
                    rejected += batch.Errors.Count;
                if (batch.Source != writingType)
                {
                    await Task.WhenAll(writing);
                    writing.Clear();
                    writingType = batch.Source;
                    batchesOfType = 0;
                    createdBeforeType = created;
                }
                else if (batchesOfType == 1)
                {
                    await Task.WhenAll(writing);
                    writing.Clear();
                    if (created > createdBeforeType)
                    {
                        await store.RefreshStatisticsAsync(all: false, stop.Token);
                        refreshed = true;
                    }
                }
                else if (writing.Count >= store.Database.Dialect.BulkWriters)
                {
                    var done = await Task.WhenAny(writing);
                    writing.Remove(done);
                    await done;
                }

                writing.Add(WriteAsync(batch));
                batchesOfType++;
            }

            await Task.WhenAll(writing);
            if (refreshed)
                await store.RefreshStatisticsAsync(all: true, stop.Token);
        }
        catch
        {
            // Stop the reader, which may be waiting for room in the channel, before reporting the failure.
            await stop.CancelAsync();
            throw;
        }

        await reading;
        return new IngestReport(created, updated, unchanged, rejected, errors, byType, clock.Elapsed);

        async Task WriteAsync(PreparedBatch batch)
        {
            if (batch.Resources.Count > 0)
            {
                var result = await IngestWithRetryAsync(batch.Resources, state, stop.Token);
                lock (errors)
                {
                    created += result.Created;
                    updated += result.Updated;
                    unchanged += result.Unchanged;
                    rejected += result.Rejected.Count;
                    foreach (var group in batch.Resources.GroupBy(r => r.Type))
                        byType[group.Key] = byType.GetValueOrDefault(group.Key) + group.Count();
                }

                foreach (var (resource, error) in result.Rejected)
                    Note($"{batch.Source}: {resource.Type}/{resource.Id}: {error.Message}");
            }

            lock (errors)
                progress?.Report(new IngestProgress(created + updated + unchanged, batch.BytesRead, totalBytes));
        }

        void Note(string message)
        {
            lock (errors)
            {
                if (errors.Count < MaxErrors)
                    errors.Add(message);
            }
        }
    }

    // Batches written side by side can race for the same new id or NHS number; the loser retries and then sees the
    // winner's rows, as a load run twice would.
    private async Task<IngestBatchResult> IngestWithRetryAsync(IReadOnlyList<PreparedResource> batch, IngestState state, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await store.IngestAsync(batch, state, ct);
            }
            catch (System.Data.Common.DbException e) when (attempt < 3 && store.Database.Dialect.IsUniqueViolation(e))
            {
                await Task.Delay(10 * attempt, ct);
            }
        }
    }

    private static PreparedBatch Prepare(LineBatch batch)
    {
        var resources = new List<PreparedResource>(batch.Lines.Count);
        var errors = new List<(long, RecordError)>();
        for (var i = 0; i < batch.Lines.Count; i++)
        {
            var outcome = PreparedResource.From(batch.Lines[i], batch.Type);
            if (outcome.Succeeded)
                resources.Add(outcome.Value!);
            else
                errors.Add((batch.LineNumbers[i], outcome.Error!));
        }

        return new PreparedBatch(batch.Source, resources, errors, batch.BytesRead);
    }

    // before: the bytes of the sources already read, so progress counts over the whole load.
    private async IAsyncEnumerable<LineBatch> ReadBatchesAsync(IngestSource source, long before,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var raw = new CountingStream(source.Open());
        await using Stream input = source.Gzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        var lines = new List<byte[]>(batchSize);
        var numbers = new List<long>(batchSize);
        var lineNumber = 0L;
        await foreach (var line in LineReader.ReadAsync(input, ct))
        {
            lineNumber++;
            if (line.Length == 0 || line.AsSpan().Trim(" \t\r"u8).Length == 0)
                continue;
            lines.Add(line);
            numbers.Add(lineNumber);
            if (lines.Count == batchSize)
            {
                yield return new LineBatch(source.Name, source.Type, numbers, lines, before + raw.BytesRead);
                lines = new List<byte[]>(batchSize);
                numbers = new List<long>(batchSize);
            }
        }

        if (lines.Count > 0)
            yield return new LineBatch(source.Name, source.Type, numbers, lines, before + raw.BytesRead);
    }

    private sealed record LineBatch(string Source, string? Type, List<long> LineNumbers, List<byte[]> Lines, long BytesRead);

    private sealed record PreparedBatch(string Source, List<PreparedResource> Resources, List<(long Line, RecordError Error)> Errors, long BytesRead);
}
