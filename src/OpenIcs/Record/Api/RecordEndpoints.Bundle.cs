using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace OpenIcs.Record.Api;

/// <summary>POST <c>/fhir</c>: batch and transaction Bundles.</summary>
public static partial class RecordEndpoints
{
    private static Task<FhirResult> BatchOrTransaction(HttpContext http, RecordStore store, IOptions<RecordOptions> options, CancellationToken ct) =>
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
            if (parsed.Value is not Hl7.Fhir.Model.Bundle bundle)
                return Fail(request, RecordError.Invalid($"POST to the base takes a batch or transaction Bundle, not a {parsed.Value!.TypeName}.", "resourceType"));
            if (bundle.Entry.Count > options.Value.MaxBundleEntries)
                return Fail(request, RecordError.TooLarge(
                    $"The Bundle has {bundle.Entry.Count} entries; this server takes at most {options.Value.MaxBundleEntries} in one request."));
            var processor = new BundleProcessor(store, request);
            var result = bundle.Type switch
            {
                Hl7.Fhir.Model.Bundle.BundleType.Transaction => await processor.TransactionAsync(bundle, ct),
                Hl7.Fhir.Model.Bundle.BundleType.Batch => await processor.BatchAsync(bundle, ct),
                _ => RecordError.Invalid($"Bundle.type must be batch or transaction, not '{bundle.Type?.ToString() ?? "missing"}'.", "Bundle.type"),
            };
            if (!result.Succeeded)
                return Fail(request, result.Error!);
            var type = bundle.Type == Hl7.Fhir.Model.Bundle.BundleType.Transaction ? "transaction-response" : "batch-response";
            return new FhirResult(200, BundleWriter.Write(type, null, [], result.Value!, request.Format, store.Time.GetUtcNow()), request.Format);
        });
}
