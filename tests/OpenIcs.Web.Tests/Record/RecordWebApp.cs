using System.Net.Http.Headers;
using System.Text;
using OpenIcs.Testing;

namespace OpenIcs.Web.Tests.Record;

/// <summary>The web app over one store with a small synthetic record loaded through <c>$ingest</c>, shared by a class.</summary>
public abstract class RecordWebApp<TApp> : IAsyncLifetime where TApp : WebAppFixture, new()
{
    /// <summary>The data loaded.</summary>
    public RecordSamples Samples { get; } = new(12);

    /// <summary>The app.</summary>
    public TApp App { get; } = new();

    /// <summary>Why the tests cannot run, or null.</summary>
    public string? SkipReason => App.SkipReason;

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        if (SkipReason is not null)
            return;
        using var client = App.Factory.CreateClient();
        foreach (var type in OpenIcs.Record.RecordTypes.InLoadOrder)
        {
            var lines = string.Concat(Samples.Of(type).Select(r => r.ToJsonString() + "\n"));
            if (lines.Length == 0)
                continue;
            using var content = new StringContent(lines, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+ndjson");
            using var response = await client.PostAsync("/fhir/$ingest", content);
            response.EnsureSuccessStatusCode();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteRecordWebApp : RecordWebApp<SqliteWebApp>;

public sealed class PostgresRecordWebApp : RecordWebApp<PostgresWebApp>;
