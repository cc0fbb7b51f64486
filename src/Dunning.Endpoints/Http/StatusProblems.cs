using Microsoft.AspNetCore.Diagnostics;

namespace Dunning.Endpoints.Http;

/// <summary>Gives the bare status answers (401, 403, 404, 405, 413, 415, 500) a detail that says what to do: through the
/// problem details service in the local host, and directly where the Function App answers them itself.</summary>
public static class StatusProblems
{
    public static void Explain(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (!string.IsNullOrEmpty(problem.Detail))
        {
            return;
        }

        problem.Detail = problem.Status is { } status ? DetailFor(status, context.HttpContext) : null;
        if (context.HttpContext.Features.Get<IExceptionHandlerFeature>() is { Error: BadHttpRequestException bad })
        {
            problem.Detail = bad.Message;
        }
    }

    public static string? DetailFor(int status, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return status switch
        {
            StatusCodes.Status401Unauthorized => "Send X-Api-Key with a configured key (or an Entra ID bearer token where configured).",
            StatusCodes.Status403Forbidden => "Your key's role may not do this: reading needs viewer, opening cases and campaigns operator, case actions supervisor.",
            StatusCodes.Status404NotFound => $"Nothing is served at {http.Request.Path}; see /openapi/v1.json for the endpoints.",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed here; see /openapi/v1.json.",
            StatusCodes.Status415UnsupportedMediaType => "Send a Content-Type this endpoint accepts: application/json (campaigns also text/csv).",
            StatusCodes.Status413PayloadTooLarge => "The request body is too large for this endpoint; send less at once.",
            StatusCodes.Status500InternalServerError => "The service failed; the error is logged under the traceId. Retrying is safe: every write is idempotent.",
            _ => null,
        };
    }
}
