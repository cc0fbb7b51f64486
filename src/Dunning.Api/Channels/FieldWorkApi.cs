using Dunning.Api.Actions;
using Dunning.Api.Auth;
using Dunning.Api.Http;
using Dunning.Channels.Work;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Api.Channels;

/// <summary>Field work: call tasks and field visits as work items. Viewers list and read them; supervisors assign
/// them and report outcomes, which reach the case as commands (202, the inbox applies them).</summary>
public static class FieldWorkApi
{
    public static RouteGroupBuilder MapFieldWorkApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Field work");
        MapKind(group, WorkItemKind.Visit, "visits", "visitId");
        MapKind(group, WorkItemKind.Call, "calls", "callId");

        group.MapPost("/visits/{visitId}/outcome", (string visitId, HttpContext http, FieldWork work, CancellationToken cancellationToken) =>
                OutcomeAsync<VisitOutcomeRequest>(http, WorkItemKind.Visit, visitId, (r, by) => work.ReportVisitOutcomeAsync(visitId, r, by, cancellationToken), cancellationToken))
            .RequireAuthorization(Roles.Supervisor)
            .WithBodyLimit(BodyLimits.Json)
            .Accepts<VisitOutcomeRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReportVisitOutcome");
        group.MapPost("/calls/{callId}/outcome", (string callId, HttpContext http, FieldWork work, CancellationToken cancellationToken) =>
                OutcomeAsync<CallOutcomeRequest>(http, WorkItemKind.Call, callId, (r, by) => work.ReportCallOutcomeAsync(callId, r, by, cancellationToken), cancellationToken))
            .RequireAuthorization(Roles.Supervisor)
            .WithBodyLimit(BodyLimits.Json)
            .Accepts<CallOutcomeRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReportCallOutcome");
        return group;
    }

    private static void MapKind(RouteGroupBuilder group, WorkItemKind kind, string path, string idName)
    {
        var noun = kind.ToString();
        group.MapGet($"/{path}", async Task<Results<Ok<IReadOnlyList<WorkItem>>, ProblemHttpResult>> (string? status, FieldWork work, CancellationToken cancellationToken) =>
            {
                var (items, errors) = await work.ListAsync(kind, status, cancellationToken);
                return items is not null ? TypedResults.Ok(items) : Problems.Validation(errors!.ToDictionary());
            })
            .RequireAuthorization(Roles.Viewer)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName($"List{noun}s");
        group.MapGet($"/{path}/{{{idName}}}", async Task<Results<Ok<WorkItem>, ProblemHttpResult>> (HttpContext http, FieldWork work, CancellationToken cancellationToken) =>
            {
                var id = (string)http.Request.RouteValues[idName]!;
                return await work.GetAsync(kind, id, cancellationToken) is { } item ? TypedResults.Ok(item) : NotFound(kind, id);
            })
            .RequireAuthorization(Roles.Viewer)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName($"Get{noun}");
        group.MapPost($"/{path}/{{{idName}}}/assign", async Task<Results<Ok<WorkItem>, ProblemHttpResult>> (HttpContext http, FieldWork work, CancellationToken cancellationToken) =>
            {
                var id = (string)http.Request.RouteValues[idName]!;
                var (request, problem) = await RequestBody.ReadJsonAsync<AssignmentRequest>(http, cancellationToken);
                if (request is null)
                {
                    return problem!;
                }

                var result = await work.AssignAsync(kind, id, request, cancellationToken);
                return result.Kind == WorkResultKind.Ok ? TypedResults.Ok(result.Item!) : ProblemOf(result, kind, id);
            })
            .RequireAuthorization(Roles.Supervisor)
            .WithBodyLimit(BodyLimits.Json)
            .Accepts<AssignmentRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName($"Assign{noun}");
    }

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
