using Dunning.Endpoints.Auth;
using Dunning.Endpoints.Http;
using Dunning.Endpoints.Routing;
using Dunning.Domain;
using Dunning.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Endpoints.Cases;

/// <summary>/api/cases: open a case (operator), read one, its history, and pages of cases (viewer).</summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        app.Map(ApiRoutes.OpenCase, OpenAsync).Accepts<CaseRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        app.Map(ApiRoutes.GetCase, GetAsync);
        app.Map(ApiRoutes.GetCaseHistory, HistoryAsync);
        app.Map(ApiRoutes.ListCases, ListAsync);
        return app;
    }

    public static string Location(string caseId) => $"/api/cases/{caseId}";

    public static async Task<Results<Created<CaseResponse>, Ok<CaseResponse>, Accepted<CaseAccepted>, ProblemHttpResult>> OpenAsync(
        HttpContext context, CaseRequestValidator validator, CaseOpening opening, PolicyCatalog policies, VirtualClock clock, CancellationToken cancellationToken)
    {
        var (request, problem) = await RequestBody.ReadJsonAsync<CaseRequest>(context, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        var errors = new ValidationErrors();
        var command = validator.Validate(request, clock.GetUtcNow(), CallerActor.Of(context.User), campaignId: null, errors);
        if (command is null)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var outcome = await opening.OpenAsync(command, cancellationToken);
        var location = Location(outcome.CaseId);
        if (outcome.Case is not { } stored)
        {
            return TypedResults.Accepted(location, new CaseAccepted(outcome.CaseId, "The case is being opened; read it at the Location."));
        }

        var body = CaseResponse.From(stored, PolicyOf(policies, stored.State), clock.GetUtcNow());
        return outcome.Result switch
        {
            OpenResult.Created => TypedResults.Created(location, body),
            OpenResult.Existing => TypedResults.Ok(body),
            _ => Problems.Status(StatusCodes.Status409Conflict, "A case for this account and invoice already exists with other terms.",
                $"Case {outcome.CaseId} has {stored.State.AmountDue} due {stored.State.DueDate:yyyy-MM-dd}; send the same amount and due date, or use another invoice id."),
        };
    }

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> GetAsync(
        string caseId, CaseStore store, PolicyCatalog policies, VirtualClock clock, CancellationToken cancellationToken)
    {
        if (!CaseIdFormat.IsPlausible(caseId) || await store.GetAsync(caseId, cancellationToken) is not { } stored)
        {
            return Problems.CaseNotFound(caseId);
        }

        return TypedResults.Ok(CaseResponse.From(stored, PolicyOf(policies, stored.State), clock.GetUtcNow()));
    }

    public static async Task<Results<Ok<IReadOnlyList<HistoryItem>>, ProblemHttpResult>> HistoryAsync(
        string caseId, CaseStore store, CancellationToken cancellationToken)
    {
        if (!CaseIdFormat.IsPlausible(caseId))
        {
            return Problems.CaseNotFound(caseId);
        }

        var history = await store.ReadHistoryAsync(caseId, cancellationToken);
        if (history.Count == 0 && await store.GetAsync(caseId, cancellationToken) is null)
        {
            return Problems.CaseNotFound(caseId);
        }

        return TypedResults.Ok<IReadOnlyList<HistoryItem>>(history.OrderBy(h => h.Seq).Select(HistoryItem.From).ToList());
    }

    public static async Task<Results<Ok<CaseListPage>, ProblemHttpResult>> ListAsync(
        ReadModelStore readModels, PolicyCatalog policies, VirtualClock clock, CancellationToken cancellationToken,
        string? status = null, string? stage = null, string? bucket = null, string? pageSize = null, string? continuationToken = null)
    {
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        var size = QueryValues.Int(pageSize, "pageSize", errors);
        if (CaseListQuery.Parse(status, stage, bucket, size, continuationToken, DateOnly.FromDateTime(now.UtcDateTime), errors) is not { } query)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        if (!PageToken.TryDecode(query.ContinuationToken, out var storageToken))
        {
            return Problems.Validation("continuationToken", "This continuation token is not one this API gave out; start again without it.");
        }

        // One index query per page and no read of the cases themselves: the entry holds what GET shows (the debtor's
        // zone for days past due, disputed, the operator flag), see CaseResponse.
        var page = await readModels.ListAsync(query.Status, query.Stage, query.DueFrom, query.DueTo, query.PageSize, storageToken, cancellationToken);
        var items = page.Items.Select(e => CaseResponse.From(e, policies.Find(e.PolicyId, e.PolicyVersion), now)).Where(query.Keeps).ToList();
        return TypedResults.Ok(new CaseListPage(items, PageToken.Encode(page.ContinuationToken)));
    }

    private static EscalationPolicy PolicyOf(PolicyCatalog policies, CaseState state) =>
        policies.Find(state.PolicyId, state.PolicyVersion)
        ?? throw new InvalidOperationException($"Case {state.CaseId} pins policy {state.PolicyId} v{state.PolicyVersion}, which this service does not know.");
}

/// <summary>A page of cases and the token for the next one (null on the last page).</summary>
public sealed record CaseListPage(IReadOnlyList<CaseResponse> Items, string? ContinuationToken);

/// <summary>The body of a 202 for an open still under way.</summary>
public sealed record CaseAccepted(string CaseId, string Detail);
