using Dunning.Endpoints.Actions;
using Dunning.Endpoints.Auth;
using Dunning.Endpoints.Http;
using Dunning.Endpoints.Routing;
using Dunning.Channels.Work;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Endpoints.Channels;

/// <summary>Field work: call tasks and field visits as work items. Viewers list and read them; supervisors assign
/// them and report outcomes, which reach the case as commands (202, the inbox applies them).</summary>
public static class FieldWorkApi
{
    public static IEndpointRouteBuilder MapFieldWorkApi(this IEndpointRouteBuilder app)
    {
        app.Map(ApiRoutes.ListVisits, (string? status, FieldWork work, CancellationToken cancellationToken) =>
            ListAsync(WorkItemKind.Visit, status, work, cancellationToken)).ProducesProblem(StatusCodes.Status400BadRequest);
        app.Map(ApiRoutes.GetVisit, (string visitId, FieldWork work, CancellationToken cancellationToken) =>
            GetAsync(WorkItemKind.Visit, visitId, work, cancellationToken)).ProducesProblem(StatusCodes.Status404NotFound);
        MapWrite<AssignmentRequest>(app.Map(ApiRoutes.AssignVisit, (string visitId, HttpContext http, FieldWork work, CancellationToken cancellationToken) =>
            AssignAsync(WorkItemKind.Visit, visitId, http, work, cancellationToken)));
        MapWrite<VisitOutcomeRequest>(app.Map(ApiRoutes.ReportVisitOutcome, ReportVisitOutcomeAsync));
        app.Map(ApiRoutes.ListCalls, (string? status, FieldWork work, CancellationToken cancellationToken) =>
            ListAsync(WorkItemKind.Call, status, work, cancellationToken)).ProducesProblem(StatusCodes.Status400BadRequest);
        app.Map(ApiRoutes.GetCall, (string callId, FieldWork work, CancellationToken cancellationToken) =>
            GetAsync(WorkItemKind.Call, callId, work, cancellationToken)).ProducesProblem(StatusCodes.Status404NotFound);
        MapWrite<AssignmentRequest>(app.Map(ApiRoutes.AssignCall, (string callId, HttpContext http, FieldWork work, CancellationToken cancellationToken) =>
            AssignAsync(WorkItemKind.Call, callId, http, work, cancellationToken)));
        MapWrite<CallOutcomeRequest>(app.Map(ApiRoutes.ReportCallOutcome, ReportCallOutcomeAsync));
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<WorkItem>>, ProblemHttpResult>> ListAsync(
        WorkItemKind kind, string? status, FieldWork work, CancellationToken cancellationToken)
    {
        var (items, errors) = await work.ListAsync(kind, status, cancellationToken);
        return items is not null ? TypedResults.Ok(items) : Problems.Validation(errors!.ToDictionary());
    }

    public static async Task<Results<Ok<WorkItem>, ProblemHttpResult>> GetAsync(
        WorkItemKind kind, string id, FieldWork work, CancellationToken cancellationToken) =>
        await work.GetAsync(kind, id, cancellationToken) is { } item ? TypedResults.Ok(item) : NotFound(kind, id);

    public static async Task<Results<Ok<WorkItem>, ProblemHttpResult>> AssignAsync(
        WorkItemKind kind, string id, HttpContext http, FieldWork work, CancellationToken cancellationToken)
    {
        var (request, problem) = await RequestBody.ReadJsonAsync<AssignmentRequest>(http, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        var result = await work.AssignAsync(kind, id, request, cancellationToken);
        return result.Kind == WorkResultKind.Ok ? TypedResults.Ok(result.Item!) : ProblemOf(result, kind, id);
    }

    public static Task<Results<Accepted<ActionAccepted>, ProblemHttpResult>> ReportVisitOutcomeAsync(
        string visitId, HttpContext http, FieldWork work, CancellationToken cancellationToken) =>
        OutcomeAsync<VisitOutcomeRequest>(http, WorkItemKind.Visit, visitId, (r, by) => work.ReportVisitOutcomeAsync(visitId, r, by, cancellationToken), cancellationToken);

    public static Task<Results<Accepted<ActionAccepted>, ProblemHttpResult>> ReportCallOutcomeAsync(
        string callId, HttpContext http, FieldWork work, CancellationToken cancellationToken) =>
        OutcomeAsync<CallOutcomeRequest>(http, WorkItemKind.Call, callId, (r, by) => work.ReportCallOutcomeAsync(callId, r, by, cancellationToken), cancellationToken);

    private static void MapWrite<TRequest>(RouteHandlerBuilder builder) where TRequest : notnull =>
        builder.Accepts<TRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Accepted<ActionAccepted>, ProblemHttpResult>> OutcomeAsync<TRequest>(
        HttpContext http, WorkItemKind kind, string id, Func<TRequest, Dunning.Domain.Actor, Task<WorkResult>> report, CancellationToken cancellationToken)
        where TRequest : class
    {
        var (request, problem) = await RequestBody.ReadJsonAsync<TRequest>(http, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        var result = await report(request, CallerActor.Of(http.User));
        if (result is not { Kind: WorkResultKind.Accepted, Item: { } item, MessageId: { } messageId })
        {
            return ProblemOf(result, kind, id);
        }

        var command = kind == WorkItemKind.Visit ? nameof(Dunning.Domain.ReportVisitOutcome) : nameof(Dunning.Domain.ReportDelivery);
        return TypedResults.Accepted($"/api/cases/{item.CaseId}", new ActionAccepted(item.CaseId, command, messageId));
    }

    private static ProblemHttpResult ProblemOf(WorkResult result, WorkItemKind kind, string id) => result.Kind switch
    {
        WorkResultKind.NotFound => NotFound(kind, id),
        WorkResultKind.Invalid => Problems.Validation(result.Errors!.ToDictionary()),
        WorkResultKind.Conflict => Problems.Status(StatusCodes.Status409Conflict, $"The {kind.ToString().ToLowerInvariant()} is no longer open.", result.Detail ?? ""),
        _ => throw new InvalidOperationException($"Unexpected field-work result {result.Kind}."),
    };

    private static ProblemHttpResult NotFound(WorkItemKind kind, string id)
    {
        var noun = kind.ToString().ToLowerInvariant();
        return Problems.Status(StatusCodes.Status404NotFound, $"{kind} not found.",
            $"No {noun} has id '{id}'. List them at GET /api/{noun}s.");
    }
}
