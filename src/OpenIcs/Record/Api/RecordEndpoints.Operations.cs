using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using OpenIcs.Record.Bulk;
using OpenIcs.Record.Identity;
using OpenIcs.Record.Search;

namespace OpenIcs.Record.Api;

/// <summary>The operations of the shared care record: <c>Patient/$everything</c>, <c>Patient/$match</c> and
/// <c>$ingest</c> (bulk NDJSON in). Bulk <c>$export</c> is in <c>RecordEndpoints.Export.cs</c>.</summary>
public static partial class RecordEndpoints
{
    /// <summary>The page size of <c>$everything</c> unless <c>_count</c> says otherwise.</summary>
    public const int EverythingPage = 100;

    private static void MapOperations(RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Patient/{id}/$everything", Everything);
        fhir.MapPost("/Patient/$match", Match);
        fhir.MapPost("/$ingest", Ingest);
        MapExport(fhir);
    }

    private static Task<FhirResult> Everything(string id, HttpContext http, RecordStore store, CancellationToken ct) =>
        Handle(http, async request =>
        {
            var query = http.Request.Query;
            if (ReadPaging(query, EverythingPage, out var count, out var since) is { } invalid)
                return Fail(request, invalid);

            IReadOnlyList<string>? types = null;
            if (query.TryGetValue("_type", out var typeText))
            {
                types = typeText.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (types.FirstOrDefault(t => !RecordTypes.IsSupported(t)) is { } unknown)
                    return Fail(request, RecordError.Invalid($"_type '{unknown}' is not a resource type this server stores."));
            }

            var after = 0L;
            if (query.TryGetValue("_cursor", out var cursorText))
            {
                if (!SearchCursor.TryDecode(cursorText.ToString(), [], out var cursor))
                    return Fail(request, RecordError.Invalid("_cursor is not a paging position this server made: follow its links."));
                after = cursor!.Rk;
            }

            var patient = await store.ReadAsync(request.Access, "Patient", id, ct);
            if (patient is null || patient.Deleted)
                return Fail(request, patient is null ? RecordError.NotFound($"Patient/{id} does not exist.") : RecordError.Gone($"Patient/{id} was deleted."));
            var page = await store.CompartmentAsync(request.Access, id, since, types, after, count + 1, ct);
            var matches = page.Take(count).ToList();
            var included = new List<StoredResource>();
            if (after == 0)
            {
                var referenced = types is null ? RecordStore.EverythingReferences : RecordStore.EverythingReferences.Intersect(types).ToList();
                if (referenced.Count > 0)
                    included.AddRange(await store.CompartmentReferencesAsync(request.Access, id, referenced, ct));
            }

            var pairs = request.QueryPairs().ToList();
            var next = page.Count > count ? new SearchCursor([], matches[^1].Rk) : null;
            var search = SearchRequest.Of("Patient") with { Count = count, After = after == 0 ? null : new SearchCursor([], after) };
            return SearchResult(request, store, search, new SearchPage(matches, included, next is null && after == 0 ? matches.Count + included.Count : null, next),
                pairs, $"Patient/{id}/$everything");
        });

    private static Task<FhirResult> Match(HttpContext http, RecordStore store, IOptions<RecordOptions> options, CancellationToken ct) =>
        Handle(http, async request =>
        {
            if (FhirWire.BodyFormat(http.Request) is not { } format)
                return Fail(request, new RecordError(415, OperationOutcome.IssueType.NotSupported, "Send application/fhir+json or application/fhir+xml."));
            var body = await request.ReadBodyAsync(options.Value.MaxBodyBytes);
            if (!body.Succeeded)
                return Fail(request, body.Error!);
            var parsed = FhirWire.Parse(body.Value, format);
            if (!parsed.Succeeded)
                return Fail(request, parsed.Error!);
            if (parsed.Value is not Parameters parameters || parameters.GetSingle("resource")?.Resource is not Patient patient)
                return Fail(request, RecordError.Invalid("$match takes a Parameters resource whose 'resource' parameter is a Patient."));
            var onlyCertain = parameters.GetSingle("onlyCertainMatches")?.Value is FhirBoolean { Value: true };
            var count = parameters.GetSingle("count")?.Value is Integer { Value: { } c and > 0 } ? Math.Min(c, 100) : 10;

            var person = Demographics.FromJson(System.Text.Json.JsonDocument.Parse(FhirWire.Json.SerializeToBytes(patient)).RootElement);
            if (person.NhsNumber is { } nhs && !NhsNumber.TryParse(nhs, out _))
                return Fail(request, RecordError.Unprocessable(NhsNumber.Rule(nhs), "Patient.identifier"));
            if (person.NhsNumber is null && (person.Family is null || person.BirthDate is null))
                return Fail(request, RecordError.Unprocessable("$match needs an NHS number, or at least a family name and a birth date."));
            var matches = await new PatientMatcher(store).MatchAsync(request.Access, person, count, ct);
            if (onlyCertain)
                matches = matches.Where(m => m.Grade == MatchGrade.Certain).ToList();

            var bundle = new Hl7.Fhir.Model.Bundle { Id = Guid.NewGuid().ToString(), Type = Hl7.Fhir.Model.Bundle.BundleType.Searchset, Total = matches.Count };
            foreach (var match in matches)
            {
                var search = new Hl7.Fhir.Model.Bundle.SearchComponent { Mode = Hl7.Fhir.Model.Bundle.SearchEntryMode.Match, Score = (decimal)match.Score };
                search.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/match-grade",
                    new Code(match.Grade.ToString().ToLowerInvariant())));
                bundle.Entry.Add(new Hl7.Fhir.Model.Bundle.EntryComponent
                {
                    FullUrl = request.Absolute($"Patient/{match.Patient.Id}"), Resource = FhirWire.ToModel(match.Patient.Body!), Search = search,
                });
            }

            return new FhirResult(200, FhirWire.Render(bundle, request.Format), request.Format);
        });

    private static Task<FhirResult> Ingest(HttpContext http, RecordStore store, IOptions<RecordOptions> options, CancellationToken ct) =>
        Handle(http, async request =>
        {
            var contentType = http.Request.ContentType ?? "";
            if (!contentType.Contains("ndjson", StringComparison.OrdinalIgnoreCase))
                return Fail(request, new RecordError(415, OperationOutcome.IssueType.NotSupported, "$ingest takes application/fhir+ndjson: one resource per line."));
            if (http.Request.ContentLength > options.Value.MaxBodyBytes)
                return Fail(request, RecordError.TooLarge($"The body has {http.Request.ContentLength} bytes; this server accepts at most {options.Value.MaxBodyBytes}."));
            var gzip = http.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
            var source = new IngestSource("request", () => new NonClosingStream(http.Request.Body), http.Request.ContentLength ?? 0, gzip);
            var report = await new NdjsonIngest(store, options.Value.IngestBatchSize).RunAsync([source], null, ct);
            var outcome = Outcomes.Information(string.Create(CultureInfo.InvariantCulture,
                $"{report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged, {report.Rejected} rejected."));
            foreach (var error in report.Errors)
                outcome.Issue.Add(new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Warning, Code = OperationOutcome.IssueType.Invalid, Diagnostics = error,
                });
            return new FhirResult(report.Rejected > 0 && report.Created + report.Updated + report.Unchanged == 0 ? 422 : 200,
                FhirWire.Render(outcome, request.Format), request.Format);
        });

    // The request body belongs to the server; the loader must not close it.
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
