using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Endpoints.Http;

/// <summary>RFC 9457 problem details with a title and a detail that says what to fix.</summary>
public static class Problems
{
    public static ProblemHttpResult Status(int status, string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status);

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(errors)
        {
            Title = "The request is not valid.",
            Detail = detail ?? "Fix the fields listed in 'errors' and send the request again.",
            Status = StatusCodes.Status400BadRequest,
        });

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult CaseNotFound(string caseId) =>
        Status(StatusCodes.Status404NotFound, "Case not found.", $"No case has id '{caseId}'. Case ids come from POST /api/cases (Location header).");
}
