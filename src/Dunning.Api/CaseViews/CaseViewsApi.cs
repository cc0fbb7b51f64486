using Dunning.Api.Auth;
using Dunning.Api.Cases;
using Dunning.Api.Http;
using Dunning.Channels.Documents;
using Dunning.Channels.Work;
using Dunning.Domain;
using Dunning.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Api.CaseViews;

/// <summary>Read-only views the supervisor console needs beyond the contract's endpoints (all viewer): who am I, a
/// case's details, its call tasks and visits, its stored documents, a filtered case search and the portfolio by stage
/// and bucket. They only read what the other endpoints read and change nothing.</summary>
public static class CaseViewsApi
{
    public static WebApplicationBuilder AddCaseViews(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CaseSearch>();
        builder.Services.AddSingleton<PortfolioBreakdown>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCaseViewsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Case views").RequireAuthorization(Roles.Viewer);
        group.MapGet("/me", (HttpContext http) => TypedResults.Ok(CallerView.Of(http.User))).WithName("WhoAmI");
        group.MapGet("/cases/{caseId}/details", DetailsAsync).WithName("GetCaseDetails").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/cases/{caseId}/work", WorkAsync).WithName("ListCaseWork").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/cases/{caseId}/documents/{name}", CaseDocuments.GetAsync).WithName("GetCaseDocument")
            .Produces(StatusCodes.Status200OK, contentType: "text/html").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/case-search", SearchAsync).WithName("SearchCases").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/metrics/breakdown", async Task<Ok<BreakdownReport>> (PortfolioBreakdown breakdown, CancellationToken cancellationToken) =>
            TypedResults.Ok(await breakdown.GetAsync(cancellationToken))).WithName("MetricsBreakdown");
        return app;
    }

    private static async Task<Results<Ok<CaseDetails>, ProblemHttpResult>> DetailsAsync(
        string caseId, CaseStore store, PolicyCatalog policies, VirtualClock clock, CancellationToken cancellationToken)
    {
        if (!CaseIdFormat.IsPlausible(caseId) || await store.GetAsync(caseId, cancellationToken) is not { } stored
            || policies.Find(stored.State.PolicyId, stored.State.PolicyVersion) is not { } policy)
        {
            return Problems.CaseNotFound(caseId);
        }

        return TypedResults.Ok(CaseDetails.From(stored.State, policy, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<IReadOnlyList<WorkItem>>, ProblemHttpResult>> WorkAsync(
        string caseId, WorkStore work, CaseStore store, CancellationToken cancellationToken)
    {
        if (!CaseIdFormat.IsPlausible(caseId))
        {
            return Problems.CaseNotFound(caseId);
        }

        var items = await work.ListForCaseAsync(caseId, cancellationToken);
        if (items.Count == 0 && await store.GetAsync(caseId, cancellationToken) is null)
        {
            return Problems.CaseNotFound(caseId);
        }

        return TypedResults.Ok(items);
    }

    private static async Task<Results<Ok<CaseListPage>, ProblemHttpResult>> SearchAsync(
        CaseSearch search, VirtualClock clock, CancellationToken cancellationToken,
        string? status = null, string? stage = null, string? bucket = null, string? debtorType = null,
        int? minDaysPastDue = null, int? maxDaysPastDue = null, bool? flagged = null, int? pageSize = null, string? continuationToken = null)
    {
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        var query = CaseSearchQuery.Parse(status, stage, bucket, debtorType, minDaysPastDue, maxDaysPastDue, flagged, pageSize, continuationToken,
            DateOnly.FromDateTime(now.UtcDateTime), errors);
        if (query is null)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        if (!PageToken.TryDecode(query.List.ContinuationToken, out var storageToken))
        {
            return Problems.Validation("continuationToken", "This continuation token is not one this API gave out; start again without it.");
        }

        return TypedResults.Ok(await search.SearchAsync(query, storageToken, now, cancellationToken));
    }
}
