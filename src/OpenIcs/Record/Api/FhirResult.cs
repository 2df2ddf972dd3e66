using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace OpenIcs.Record.Api;

/// <summary>A FHIR response: a status, FHIR headers and a body already rendered in the chosen format.</summary>
public sealed class FhirResult(int status, byte[]? body, FhirFormat format, string? contentType = null) : IResult
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The HTTP status.</summary>
    public int Status => status;

    /// <summary>Adds a response header.</summary>
    public FhirResult With(string name, string? value)
    {
        if (value is not null)
            _headers[name] = value;
        return this;
    }

    /// <summary>Adds ETag and Last-Modified for <paramref name="resource"/>.</summary>
    public FhirResult Versioned(StoredResource resource) =>
        With("ETag", resource.ETag).With("Last-Modified", resource.LastUpdatedAt.ToString("R", System.Globalization.CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public async System.Threading.Tasks.Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        foreach (var (name, value) in _headers)
            response.Headers[name] = value;
        if (body is null)
            return;
        response.ContentType = contentType ?? FhirWire.MediaType(format);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}

/// <summary>Turns <see cref="RecordError"/>s into OperationOutcomes: the one place errors meet the wire.</summary>
public static class Outcomes
{
    /// <summary>The OperationOutcome for <paramref name="error"/>.</summary>
    public static OperationOutcome For(RecordError error)
    {
        var issue = new OperationOutcome.IssueComponent
        {
            Severity = error.Status >= 500 ? OperationOutcome.IssueSeverity.Fatal : OperationOutcome.IssueSeverity.Error,
            Code = error.Issue,
            Diagnostics = error.Message,
        };
        if (error.Location is not null)
            issue.Expression = [error.Location];
        return new OperationOutcome { Issue = [issue] };
    }

    /// <summary>An informational OperationOutcome (for <c>Prefer: return=OperationOutcome</c> and ingest reports).</summary>
    public static OperationOutcome Information(string message) => new()
    {
        Issue = [new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Information, Code = OperationOutcome.IssueType.Informational, Diagnostics = message,
        }],
    };

    /// <summary>The response for <paramref name="error"/> in <paramref name="format"/>.</summary>
    public static FhirResult Result(RecordError error, FhirFormat format = FhirFormat.Json) =>
        new(error.Status, FhirWire.Render(For(error), format), format);
}
