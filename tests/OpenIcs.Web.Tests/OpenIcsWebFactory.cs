using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenIcs.Storage;
using OpenIcs.Web.Hosting;

namespace OpenIcs.Web.Tests;

/// <summary>The real web app over a real store, in memory or on a loopback port (for the browser).</summary>
public sealed class OpenIcsWebFactory(StoreLocation store, string keysFolder) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(OpenIcsWebApp.StoreSetting, store.Text);
        builder.UseSetting(OpenIcsWebApp.KeysFolderSetting, keysFolder);
    }
}
