using Dunning.Endpoints.Routing;
using Dunning.Endpoints.Cases;
using Dunning.Endpoints.Http;
using Dunning.Channels.Documents;
using Dunning.Channels.Work;
using Dunning.Domain;
using Dunning.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Endpoints.CaseViews;

/// <summary>Read-only views the supervisor console needs beyond the contract's endpoints (all viewer): who am I, a
/// case's details, its call tasks and visits, its stored documents, a filtered case search and the portfolio by stage
/// and bucket. They only read what the other endpoints read and change nothing.</summary>
public static class CaseViewsApi
{
    public static IEndpointRouteBuilder MapCaseViewsApi(this IEndpointRouteBuilder app)
    {
        app.Map(ApiRoutes.WhoAmI, WhoAmI);
        app.Map(ApiRoutes.GetCaseDetails, DetailsAsync).ProducesProblem(StatusCodes.Status404NotFound);
        app.Map(ApiRoutes.ListCaseWork, WorkAsync).ProducesProblem(StatusCodes.Status404NotFound);
        app.Map(ApiRoutes.GetCaseDocument, CaseDocuments.GetAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/html").ProducesProblem(StatusCodes.Status404NotFound);
        app.Map(ApiRoutes.SearchCases, SearchAsync).ProducesProblem(StatusCodes.Status400BadRequest);
        app.Map(ApiRoutes.GetMetricsBreakdown, BreakdownAsync);
        return app;
    }

    public static Ok<CallerView> WhoAmI(HttpContext http) => TypedResults.Ok(CallerView.Of(http.User));

    public static async Task<Ok<BreakdownReport>> BreakdownAsync(PortfolioBreakdown breakdown, CancellationToken cancellationToken) =>
        TypedResults.Ok(await breakdown.GetAsync(cancellationToken));

    public static async Task<Results<Ok<CaseDetails>, ProblemHttpResult>> DetailsAsync(
        string caseId, CaseStore store, PolicyCatalog policies, VirtualClock clock, CancellationToken cancellationToken)
    {
        if (!CaseIdFormat.IsPlausible(caseId) || await store.GetAsync(caseId, cancellationToken) is not { } stored
            || policies.Find(stored.State.PolicyId, stored.State.PolicyVersion) is not { } policy)
        {
            return Problems.CaseNotFound(caseId);
        }

        return TypedResults.Ok(CaseDetails.From(stored.State, policy, clock.GetUtcNow()));
    }

    public static async Task<Results<Ok<IReadOnlyList<WorkItem>>, ProblemHttpResult>> WorkAsync(
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

    public static async Task<Results<Ok<CaseListPage>, ProblemHttpResult>> SearchAsync(
        CaseSearch search, VirtualClock clock, CancellationToken cancellationToken,
        string? status = null, string? stage = null, string? bucket = null, string? debtorType = null,
        string? minDaysPastDue = null, string? maxDaysPastDue = null, string? flagged = null, string? pageSize = null, string? continuationToken = null)
    {
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        var query = CaseSearchQuery.Parse(status, stage, bucket, debtorType, QueryValues.Int(minDaysPastDue, "minDaysPastDue", errors),
            QueryValues.Int(maxDaysPastDue, "maxDaysPastDue", errors), QueryValues.Bool(flagged, "flagged", errors),
            QueryValues.Int(pageSize, "pageSize", errors), continuationToken, DateOnly.FromDateTime(now.UtcDateTime), errors);
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
