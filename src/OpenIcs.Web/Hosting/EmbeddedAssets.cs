using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace OpenIcs.Web.Hosting;

/// <summary>The styles, scripts, images and map data built into this assembly from <c>Assets/</c> (npm packages and our own
/// files), served at the site root. Links carry the build's version so browsers may cache them for a year.</summary>
public static class EmbeddedAssets
{
    private static readonly ManifestEmbeddedFileProvider Files = new(typeof(EmbeddedAssets).Assembly, "Assets");

    /// <summary>Changes with every build that changes the assembly (the assets are inside it).</summary>
    public static readonly string Version = typeof(EmbeddedAssets).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    /// <summary>The cache-busting address of the asset at <paramref name="path"/> (e.g. <c>/css/site.css</c>).</summary>
    public static string Url(string path) => $"{path}?v={Version}";

    /// <summary>True when the build holds an asset at <paramref name="path"/>.</summary>
    public static bool Exists(string path) => Files.GetFileInfo(path).Exists;

    /// <summary>Serves the embedded assets.</summary>
    public static WebApplication UseEmbeddedAssets(this WebApplication app)
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".geojson"] = "application/geo+json";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = Files,
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
            {
                var versioned = context.Context.Request.Query.ContainsKey("v");
                context.Context.Response.Headers[HeaderNames.CacheControl] =
                    versioned ? "public, max-age=31536000, immutable" : "public, max-age=300";
            },
        });
        return app;
    }
}
