namespace OpenIcs.Web.Hosting;

/// <summary>How failures reach people and programs: pages get styled 404/500 pages, the JSON API gets RFC 9457 problem
/// details. <c>/fhir</c> is left to the record feature, which answers with FHIR OperationOutcomes.</summary>
public static class ErrorResponses
{
    /// <summary>The page shown for an unknown address.</summary>
    public const string NotFoundPath = "/not-found";

    /// <summary>The page shown when something fails on the server.</summary>
    public const string ErrorPath = "/error";

    /// <summary>Adds the error handling for pages and for the API.</summary>
    public static WebApplication UseErrorResponses(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(IsPage, pages =>
        {
            pages.UseExceptionHandler(ErrorPath, createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute(NotFoundPath, createScopeForStatusCodePages: true);
        });
        app.UseRouting();
        return app;
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/health")
        || context.Request.Path.StartsWithSegments("/openapi");

    private static bool IsPage(HttpContext context) => !IsApi(context) && !context.Request.Path.StartsWithSegments("/fhir");
}
