using OpenIcs.Web.Hosting;

var app = OpenIcsWebApp.Create(args);
await app.RunAsync();

/// <summary>The web host's entry point, visible to integration tests.</summary>
public partial class Program;
