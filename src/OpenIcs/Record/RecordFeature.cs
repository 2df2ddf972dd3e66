using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OpenIcs.Record;

/// <summary>Registers the shared care record.</summary>
public static class RecordFeature
{
    /// <summary>Adds <see cref="RecordStore"/> and the record's options (section <c>OpenIcs:Record</c>).</summary>
    public static IServiceCollection AddRecord(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<RecordOptions>(configuration.GetSection(RecordOptions.Section));
        services.AddSingleton<RecordStore>();
        services.AddSingleton<Bulk.BulkExport>();
        return services;
    }
}
