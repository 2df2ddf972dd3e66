using Microsoft.AspNetCore.DataProtection;
using OpenIcs.Places;
using OpenIcs.Storage;

namespace OpenIcs.Web.Hosting;

/// <summary>Builds the OpenICS web app: the pages, the JSON API, <c>/health</c> and the OpenAPI document, over one store.</summary>
/// <remarks>Used by this project's <c>Program</c>, by <c>openics serve</c> and <c>openics demo</c>, and by the tests.</remarks>
public static class OpenIcsWebApp
{
    /// <summary>Configuration key for the store, e.g. <c>--OpenIcs:Store=sqlite:data/openics.db</c>.</summary>
    public const string StoreSetting = "OpenIcs:Store";

    /// <summary>Configuration key for the folder that keeps data-protection keys (antiforgery tokens survive restarts).</summary>
    public const string KeysFolderSetting = "OpenIcs:KeysFolder";

    /// <summary>The store used when none is configured.</summary>
    public const string DefaultStore = "sqlite:data/openics.db";

    /// <summary>Builds the app from command-line style <paramref name="args"/> (configuration keys and <c>--urls</c>).</summary>
    /// <exception cref="FormatException">The configured store is not a valid location.</exception>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(OpenIcsWebApp).Assembly.GetName().Name,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        var store = StoreLocation.Parse(builder.Configuration[StoreSetting] ?? DefaultStore);

        builder.AddObservability();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OpenICS API";
            document.Info.Description = "London's places and organisations, and the shared care record (FHIR R4 under /fhir).";
            return Task.CompletedTask;
        }));
        builder.Services.AddRazorComponents();
        var keys = builder.Services.AddDataProtection().SetApplicationName("OpenICS");
        if (KeysFolder(builder.Configuration, store) is { } keysFolder)
            keys.PersistKeysToFileSystem(new DirectoryInfo(keysFolder));

        builder.Services.AddStorage(store);
        builder.Services.AddPlaces();

        var app = builder.Build();
        app.UseErrorResponses();
        app.UseSecurityHeaders();
        app.UseEmbeddedAssets();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapOpenApi();
        app.MapPlaces();
        app.MapRazorComponents<App>();
        return app;
    }

    // Keys live where configured, else beside an embedded store's file; a PostgreSQL deployment configures its own.
    private static string? KeysFolder(ConfigurationManager configuration, StoreLocation store) =>
        configuration[KeysFolderSetting] is { Length: > 0 } configured ? configured
        : store.Kind == StoreKind.Sqlite ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(store.Target)) ?? ".", "keys")
        : null;
}
