using Microsoft.AspNetCore.Routing;

namespace OpenIcs.Record.Api;

/// <summary>The operations of the shared care record: $everything, $match, bulk $export and $ingest.</summary>
public static partial class RecordEndpoints
{
    private static void MapOperations(RouteGroupBuilder fhir)
    {
        ArgumentNullException.ThrowIfNull(fhir);
    }
}
