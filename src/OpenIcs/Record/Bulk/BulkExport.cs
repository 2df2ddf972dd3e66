using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIcs.Governance;

namespace OpenIcs.Record.Bulk;

/// <summary>What a bulk export asks for (FHIR Bulk Data Access: system, Patient or Group level).</summary>
/// <param name="Types">The resource types to export.</param>
/// <param name="Since">Only resources changed since then, if given.</param>
/// <param name="Patients">Null for the whole system; empty for every resident's compartment; else these residents'.</param>
/// <param name="Access">Who asked: the export reads through the same access rules as every other read.</param>
/// <param name="RequestUrl">The kick-off URL, echoed in the manifest.</param>
public sealed record ExportRequest(IReadOnlyList<string> Types, DateTimeOffset? Since, IReadOnlyCollection<string>? Patients, AccessContext Access,
    string RequestUrl);

/// <summary>The state of an export job.</summary>
public enum ExportState
{
    /// <summary>Still writing files.</summary>
    Running,

    /// <summary>Finished: the manifest lists the files.</summary>
    Completed,

    /// <summary>Stopped by an error.</summary>
    Failed,
}

/// <summary>One file of a finished export.</summary>
public sealed record ExportFile(string Type, string Name, long Count);

/// <summary>An export in progress or done.</summary>
public sealed class ExportJob(string id, ExportRequest request, DateTimeOffset transactionTime, string folder) : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();

    /// <summary>The job id in status URLs.</summary>
    public string Id => id;

    /// <summary>What was asked.</summary>
    public ExportRequest Request => request;

    /// <summary>The time the export reflects (resources written after it may be missing).</summary>
    public DateTimeOffset TransactionTime => transactionTime;

    /// <summary>Where its files are.</summary>
    public string Folder => folder;

    /// <summary>Running, completed or failed.</summary>
    public ExportState State { get; internal set; }

    /// <summary>The files written so far.</summary>
    public ConcurrentQueue<ExportFile> Files { get; } = new();

    /// <summary>Resources written so far.</summary>
    public long Written { get; internal set; }

    /// <summary>Why it failed, when it did.</summary>
    public string? Error { get; internal set; }

    internal CancellationToken Cancellation => _cancel.Token;

    internal void Cancel()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The job had already finished.
        }
    }

    /// <inheritdoc />
    public void Dispose() => _cancel.Dispose();
}

/// <summary>Runs bulk exports in the background and keeps their NDJSON files until the client deletes the job.</summary>
/// <remarks>Jobs live in memory: a restart forgets them (clients kick off again); their files stay under the export folder.</remarks>
public sealed partial class BulkExport(RecordStore store, IOptions<RecordOptions> options, ILogger<BulkExport> logger)
{
    private const int Chunk = 1000;
    private readonly ConcurrentDictionary<string, ExportJob> _jobs = new(StringComparer.Ordinal);

    /// <summary>The folder export jobs write under.</summary>
    public string Root => options.Value.ExportFolder is { Length: > 0 } folder ? folder : Path.Combine(Path.GetTempPath(), "openics-export");

    /// <summary>Starts an export and returns its job at once.</summary>
    public ExportJob Start(ExportRequest request)
    {
        var id = Guid.NewGuid().ToString("N");
        var job = new ExportJob(id, request, store.Time.GetUtcNow(), Path.Combine(Root, id));
        _jobs[id] = job;
        _ = Task.Run(() => RunAsync(job));
        return job;
    }

    /// <summary>The job with <paramref name="id"/>, or null.</summary>
    public ExportJob? Find(string id) => _jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>Stops and forgets a job and deletes its files; false when there is no such job.</summary>
    public bool Delete(string id)
    {
        if (!_jobs.TryRemove(id, out var job))
            return false;
        job.Cancel();
        try
        {
            if (Directory.Exists(job.Folder))
                Directory.Delete(job.Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still being written is removed by the job as it stops.
        }

        return true;
    }

    private async Task RunAsync(ExportJob job)
    {
        var ct = job.Cancellation;
        try
        {
            Directory.CreateDirectory(job.Folder);
            foreach (var type in job.Request.Types)
            {
                var name = $"{type}.ndjson";
                var count = 0L;
                await using (var file = File.Create(Path.Combine(job.Folder, name)))
                {
                    var after = 0L;
                    while (true)
                    {
                        // A Patient's compartment is itself, so one filter serves every type.
                        var chunk = await store.ExportChunkAsync(job.Request.Access, type, job.Request.Since, job.Request.Patients, after, Chunk, ct);
                        foreach (var resource in chunk)
                        {
                            await file.WriteAsync(resource.Body, ct);
                            file.WriteByte((byte)'\n');
                        }

                        count += chunk.Count;
                        job.Written += chunk.Count;
                        if (chunk.Count < Chunk)
                            break;
                        after = chunk[^1].Rk;
                    }
                }

                if (count > 0)
                    job.Files.Enqueue(new ExportFile(type, name, count));
                else
                    File.Delete(Path.Combine(job.Folder, name));
            }

            job.State = ExportState.Completed;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            if (Directory.Exists(job.Folder))
                Directory.Delete(job.Folder, recursive: true);
        }
        catch (Exception e)
        {
            job.Error = "The export failed; the failure was logged.";
            job.State = ExportState.Failed;
            LogFailed(logger, job.Id, e);
        }
        finally
        {
            job.Dispose();
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Error, Message = "Bulk export {Job} failed")]
    private static partial void LogFailed(ILogger logger, string job, Exception exception);
}
