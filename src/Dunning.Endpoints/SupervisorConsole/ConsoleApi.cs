using Dunning.Endpoints.Auth;
using Dunning.Endpoints.Routing;

namespace Dunning.Endpoints.SupervisorConsole;

/// <summary>The supervisor console at /console: a page of plain ES modules and CSS that uses only the HTTP API. The
/// files are public (they hold no data); every call they make carries the signed-in key or token.</summary>
public static class ConsoleApi
{
    public const string Path = "/console";
    private const string Index = "index.html";

    public static IEndpointRouteBuilder MapSupervisorConsole(this IEndpointRouteBuilder app)
    {
        app.Map(ApiRoutes.ServeConsole, ServeIndex).ExcludeFromDescription();
        app.Map(ApiRoutes.ServeConsoleConfig, ServeConfig).ExcludeFromDescription();
        app.Map(ApiRoutes.ServeConsoleFile, ServeFile).ExcludeFromDescription();
        return app;
    }

    public static IResult ServeIndex(HttpContext http, ConsoleAssets assets, ConsoleSettings settings, AuthSettings auth) =>
        Serve(http, assets, Index, ConfigOf(settings, auth));

    public static IResult ServeConfig(HttpContext http, ConsoleSettings settings, AuthSettings auth)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(ConfigOf(settings, auth));
    }

    public static IResult ServeFile(string? path, HttpContext http, ConsoleAssets assets, ConsoleSettings settings, AuthSettings auth) =>
        Serve(http, assets, string.IsNullOrEmpty(path) ? Index : path, ConfigOf(settings, auth));

    public static ConsoleConfig ConfigOf(ConsoleSettings settings, AuthSettings auth)
    {
        var entra = settings.Entra;
        var authority = string.IsNullOrWhiteSpace(entra.Authority) ? auth.Entra.Authority : entra.Authority;
        return auth.Entra.IsConfigured && !string.IsNullOrWhiteSpace(entra.ClientId) && !string.IsNullOrWhiteSpace(authority)
            ? new ConsoleConfig(new ConsoleEntraConfig(authority.TrimEnd('/'), entra.ClientId, [.. entra.Scopes.Where(s => !string.IsNullOrWhiteSpace(s))]))
            : new ConsoleConfig(null);
    }

    private static IResult Serve(HttpContext http, ConsoleAssets assets, string path, ConsoleConfig config)
    {
        if (assets.Find(path) is not { } asset)
        {
            return TypedResults.NotFound();
        }

        var headers = http.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (asset.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = SecurityPolicy(config);
            headers.XFrameOptions = "DENY";
        }

        return http.Request.Headers.IfNoneMatch.Contains(asset.ETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    /// <summary>Scripts and styles from this origin only; stored documents are shown in sandboxed frames from blob URLs;
    /// the only other origin the page may call is the Entra authority's (to redeem a sign-in code).</summary>
    private static string SecurityPolicy(ConsoleConfig config)
    {
        var authority = config.Entra is { } e && Uri.TryCreate(e.Authority, UriKind.Absolute, out var uri) ? " " + uri.GetLeftPart(UriPartial.Authority) : "";
        return $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'{authority}; "
            + "frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
