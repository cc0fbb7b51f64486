using Dunning.Endpoints.Http;
using Dunning.Endpoints.Routing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Dunning.Functions;

/// <summary>What the local host's pipeline and route metadata do for an endpoint, done for an HTTP trigger: the route's
/// body limit on the request, its role checked (API key or Entra ID bearer token; 401 or 403 as problem details with the
/// same detail), the invocation's Durable client made current, and a failure answered as the same 500 problem. The
/// handler itself is the shared one from Dunning.Endpoints.</summary>
public sealed partial class EndpointBinding(IAuthorizationService authorization, ILogger<EndpointBinding> logger)
{
    public async Task<IResult> RunAsync<TResult>(HttpRequest request, ApiRoute route, Func<HttpContext, Task<TResult>> handler, DurableTaskClient? durable = null)
        where TResult : IResult
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(handler);
        var http = request.HttpContext;
        // RequestBody reads the limit from the endpoint's metadata, as in the local host.
        http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new BodyLimit(route.BodyLimit)), route.Name));
        using var client = durable is null ? null : InvocationDurableClient.Use(durable);
        try
        {
            if (route.Role is { } role && await RefusalAsync(http, role) is { } refused)
            {
                return refused;
            }

            return await handler(http);
        }
        catch (BadHttpRequestException bad)
        {
            return TypedResults.Problem(statusCode: bad.StatusCode, detail: bad.Message);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            Failed(logger, ex, route.Name);
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, detail: StatusProblems.DetailFor(StatusCodes.Status500InternalServerError, http));
        }
    }

    public Task<IResult> RunAsync(HttpRequest request, ApiRoute route, Func<HttpContext, IResult> handler) =>
        RunAsync(request, route, http => Task.FromResult(handler(http)));

    /// <summary>Authenticates with the default scheme (the same policy scheme as the local host's: a bearer token when Entra
    /// ID is configured, else the API key) and checks the role's policy; null when the caller may go on.</summary>
    private async Task<IResult?> RefusalAsync(HttpContext http, string role)
    {
        var authenticated = await http.AuthenticateAsync();
        if (authenticated.Succeeded)
        {
            http.User = authenticated.Principal;
        }

        if ((await authorization.AuthorizeAsync(http.User, role)).Succeeded)
        {
            return null;
        }

        var signedIn = http.User.Identity?.IsAuthenticated == true;
        var status = signedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        // The challenge sets WWW-Authenticate as the local host's does; the problem body follows.
        await (signedIn ? http.ForbidAsync() : http.ChallengeAsync());
        return TypedResults.Problem(statusCode: status, detail: StatusProblems.DetailFor(status, http));
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Function {Function} failed")]
    private static partial void Failed(ILogger logger, Exception exception, string function);
}
