using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OpenIcs.Web.Hosting;

/// <summary>Logging and OpenTelemetry: human-readable logs by default, JSON with <c>Logging:Format=json</c>; traces and
/// metrics exported only when <c>OpenTelemetry:Exporter</c> is <c>otlp</c> or <c>console</c> (off by default).</summary>
public static class Observability
{
    /// <summary>Every OpenICS feature names its ActivitySource and Meter <c>OpenIcs.&lt;Feature&gt;</c>.</summary>
    public const string SourcePattern = "OpenIcs.*";

    /// <summary>Configures logging and, when asked for, OpenTelemetry.</summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        // Request-by-request framework logs are noise in production; configuration ("Logging:LogLevel") can turn them back on.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss ";
            });
        }

        var exporter = builder.Configuration["OpenTelemetry:Exporter"]?.ToLowerInvariant() ?? "none";
        switch (exporter)
        {
            case "none":
                return builder;
            case "otlp" or "console":
                break;
            default:
                throw new FormatException($"OpenTelemetry:Exporter '{exporter}' is not one of none, otlp, console.");
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("openics"))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource(SourcePattern);
                if (exporter == "otlp")
                    tracing.AddOtlpExporter();
                else
                    tracing.AddConsoleExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(SourcePattern);
                if (exporter == "otlp")
                    metrics.AddOtlpExporter();
                else
                    metrics.AddConsoleExporter();
            });
        return builder;
    }
}
