using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenIcs.Record.Api;

/// <summary>Under <c>/fhir</c> every failure is an OperationOutcome: unhandled exceptions (500), oversized bodies (413),
/// and statuses that the framework sets without a body (405, 400 from binding).</summary>
public static partial class FhirErrors
{
    /// <summary>Adds the FHIR error handling to a branch of the pipeline that serves <c>/fhir</c>.</summary>
    public static IApplicationBuilder UseFhirErrors(this IApplicationBuilder fhir) => fhir.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, new RecordError(e.StatusCode, e.StatusCode == 413 ? OperationOutcome.IssueType.TooCostly
                : OperationOutcome.IssueType.Invalid, e.Message));
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("OpenIcs.Record");
            LogFailure(logger, context.Request.Method, context.Request.Path, e);
            await WriteAsync(context, new RecordError(500, OperationOutcome.IssueType.Exception,
                "The server failed to answer this request; the failure was logged."));
            return;
        }

        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentType is null)
        {
            var status = context.Response.StatusCode;
            await WriteAsync(context, new RecordError(status, status == 405 ? OperationOutcome.IssueType.NotSupported : OperationOutcome.IssueType.Invalid,
                status == 405 ? $"{context.Request.Method} is not allowed on {context.Request.Path}." : $"The request failed with status {status}."));
        }
    });

    private static async System.Threading.Tasks.Task WriteAsync(HttpContext context, RecordError error)
    {
        var format = FhirWire.ResponseFormat(context.Request) ?? FhirFormat.Json;
        context.Response.Clear();
        await Outcomes.Result(error, format).ExecuteAsync(context);
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "FHIR {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, string method, string path, Exception exception);
}
