using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIcs.Record.Bulk;
using OpenIcs.Record.Search;

namespace OpenIcs.Record.Api;

/// <summary>FHIR Bulk Data <c>$export</c>: asynchronous kick-off (system, Patient and Group level), status polling,
/// the manifest, NDJSON file download and cancellation.</summary>
public static partial class RecordEndpoints
{
    private static void MapExport(RouteGroupBuilder fhir)
    {
        fhir.MapGet("/$export", (HttpContext http, RecordStore store, BulkExport exports, CancellationToken ct) => KickOff(http, store, exports, "system", null, ct));
        fhir.MapGet("/Patient/$export", (HttpContext http, RecordStore store, BulkExport exports, CancellationToken ct) => KickOff(http, store, exports, "patient", null, ct));
        fhir.MapGet("/Group/{id}/$export", (string id, HttpContext http, RecordStore store, BulkExport exports, CancellationToken ct) => KickOff(http, store, exports, "group", id, ct));
        fhir.MapGet("/$export-status/{job}", ExportStatus);
        fhir.MapDelete("/$export-status/{job}", CancelExport);
        fhir.MapGet("/$export-file/{job}/{file}", ExportFile);
    }

    private static Task<FhirResult> KickOff(HttpContext http, RecordStore store, BulkExport exports, string level, string? groupId, CancellationToken ct) =>
        Handle(http, async request =>
        {
            if (!request.RespondAsync)
                return Fail(request, RecordError.Invalid("$export runs asynchronously: send 'Prefer: respond-async'."));
            var query = http.Request.Query;
            if (query.TryGetValue("_outputFormat", out var output) && output.ToString() is not ("application/fhir+ndjson" or "application/ndjson" or "ndjson"))
                return Fail(request, RecordError.Invalid($"_outputFormat '{output}' is not supported: use application/fhir+ndjson."));
            DateTimeOffset? since = null;
            if (query.TryGetValue("_since", out var sinceText))
            {
                if (!DateRange.TryParse(sinceText.ToString(), out var range))
                    return Fail(request, RecordError.Invalid($"_since '{sinceText}' is not a FHIR instant."));
                since = DateTimeOffset.FromUnixTimeMilliseconds(range.Low);
            }

            var types = RecordTypes.InLoadOrder.ToList();
            if (query.TryGetValue("_type", out var typeText))
            {
                types = typeText.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                if (types.FirstOrDefault(t => !RecordTypes.IsSupported(t)) is { } unknown)
                    return Fail(request, RecordError.Invalid($"_type '{unknown}' is not a resource type this server stores."));
            }

            IReadOnlyCollection<string>? patients = null;
            if (level == "patient")
            {
                patients = [];
            }
            else if (level == "group")
            {
                var group = await store.ReadAsync(request.Access, "Group", groupId!, ct);
                if (group is null || group.Deleted)
                    return Fail(request, RecordError.NotFound($"Group/{groupId} does not exist."));
                patients = Members(group.Body!);
            }

            if (patients is not null)
                types = types.Where(t => t is not ("Organization" or "Location" or "Practitioner" or "PractitionerRole" or "Group")).ToList();
            var job = exports.Start(new ExportRequest(types, since, patients, request.Access, $"{request.BaseUrl}{http.Request.Path.Value!["/fhir".Length..]}{http.Request.QueryString}"));
            return new FhirResult(202, null, request.Format).With("Content-Location", request.Absolute($"$export-status/{job.Id}"));
        });

    private static Task<FhirResult> ExportStatus(string job, HttpContext http, BulkExport exports) =>
        Handle(http, request =>
        {
            var found = exports.Find(job);
            if (found is null)
                return System.Threading.Tasks.Task.FromResult(Fail(request, RecordError.NotFound($"There is no export job '{job}'.")));
            if (found.State == ExportState.Running)
                return System.Threading.Tasks.Task.FromResult(new FhirResult(202, null, request.Format)
                    .With("X-Progress", $"{found.Written} resources written").With("Retry-After", "1"));
            if (found.State == ExportState.Failed)
                return System.Threading.Tasks.Task.FromResult(Fail(request, new RecordError(500, Hl7.Fhir.Model.OperationOutcome.IssueType.Exception, found.Error!)));
            var manifest = JsonSerializer.SerializeToUtf8Bytes(new
            {
                transactionTime = ResourceBody.Instant(found.TransactionTime),
                request = found.Request.RequestUrl,
                requiresAccessToken = false,
                output = found.Files.Select(f => new { type = f.Type, url = request.Absolute($"$export-file/{found.Id}/{f.Name}"), count = f.Count }),
                error = Array.Empty<object>(),
            });
            return System.Threading.Tasks.Task.FromResult(new FhirResult(200, manifest, FhirFormat.Json, "application/json"));
        });

    private static Task<FhirResult> CancelExport(string job, HttpContext http, BulkExport exports) =>
        Handle(http, request => System.Threading.Tasks.Task.FromResult(exports.Delete(job)
            ? new FhirResult(202, null, request.Format)
            : Fail(request, RecordError.NotFound($"There is no export job '{job}'."))));

    private static IResult ExportFile(string job, string file, BulkExport exports)
    {
        var found = exports.Find(job);
        var entry = found?.Files.FirstOrDefault(f => f.Name == file);
        if (found is null || entry is null)
            return Outcomes.Result(RecordError.NotFound($"Export job '{job}' has no file '{file}'."));
        return Results.File(Path.Combine(found.Folder, entry.Name), "application/fhir+ndjson");
    }

    private static List<string> Members(byte[] group)
    {
        using var json = JsonDocument.Parse(group);
        var members = new List<string>();
        if (json.RootElement.TryGetProperty("member", out var list) && list.ValueKind == JsonValueKind.Array)
            foreach (var member in list.EnumerateArray())
                if (member.TryGetProperty("entity", out var entity) && entity.TryGetProperty("reference", out var reference)
                    && ReferenceParser.TryParse(reference.GetString(), out var type, out var id) && type == "Patient")
                    members.Add(id);
        return members;
    }
}
