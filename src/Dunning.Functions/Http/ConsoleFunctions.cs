using Dunning.Endpoints.Auth;
using Dunning.Endpoints.Routing;
using Dunning.Endpoints.SupervisorConsole;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dunning.Functions;

/// <summary>The supervisor console at /console, served by the Function App itself: the page and the API are one origin
/// (no CORS; a key or token is only ever sent to the API that served the page) and one deployment.</summary>
public sealed class ConsoleFunctions(EndpointBinding bind, ConsoleAssets assets, ConsoleSettings settings, AuthSettings auth)
{
    [Function(nameof(ApiRoutes.ServeConsole))]
    public Task<IResult> ServeConsole([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Console)] HttpRequest request) =>
        bind.RunAsync(request, ApiRoutes.ServeConsole, http => ConsoleApi.ServeIndex(http, assets, settings, auth));

    [Function(nameof(ApiRoutes.ServeConsoleConfig))]
    public Task<IResult> ServeConsoleConfig([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ConsoleConfig)] HttpRequest request) =>
        bind.RunAsync(request, ApiRoutes.ServeConsoleConfig, http => ConsoleApi.ServeConfig(http, settings, auth));

    [Function(nameof(ApiRoutes.ServeConsoleFile))]
    public Task<IResult> ServeConsoleFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ConsoleFile)] HttpRequest request, string? path) =>
        bind.RunAsync(request, ApiRoutes.ServeConsoleFile, http => ConsoleApi.ServeFile(path, http, assets, settings, auth));
}
