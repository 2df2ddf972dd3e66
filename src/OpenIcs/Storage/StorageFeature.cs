using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace OpenIcs.Storage;

/// <summary>Registers the store: one <see cref="Database"/> per process, migrated before the host serves anything.</summary>
public static class StorageFeature
{
    /// <summary>Adds the store at <paramref name="location"/>, its start-up migration and its health check.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, StoreLocation location)
    {
        services.AddSingleton(_ => Database.Connect(location));
        services.AddHostedService<StoreMigration>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        return services;
    }

    private sealed class StoreMigration(Database database) : IHostedLifecycleService
    {
        public async Task StartingAsync(CancellationToken cancellationToken) =>
            await new Migrator(database).ApplyAsync(cancellationToken);

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class StoreHealthCheck(Database database) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                return await database.IsReachableAsync(cancellationToken)
                    ? HealthCheckResult.Healthy($"{database.Dialect.Kind} store answers.")
                    : HealthCheckResult.Unhealthy($"{database.Dialect.Kind} store gave an unexpected answer.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"{database.Dialect.Kind} store is unreachable: {e.Message}");
            }
        }
    }
}
