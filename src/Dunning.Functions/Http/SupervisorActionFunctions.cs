using Dunning.Endpoints.Actions;
using Dunning.Endpoints.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dunning.Functions;

/// <summary>POST /api/cases/{caseId}/{action}: the supervisor's actions (Dunning.Endpoints.Actions), each recorded in the
/// case's command log and rung with the invocation's Durable client.</summary>
public sealed class SupervisorActionFunctions(EndpointBinding bind, SupervisorActions actions)
{
    [Function(nameof(ApiRoutes.PauseCase))]
    public Task<IResult> Pause(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Pause)] HttpRequest request, string caseId, [DurableClient] DurableTaskClient durable) =>
        bind.RunAsync(request, ApiRoutes.PauseCase, http => SupervisorActionsApi.PauseAsync(caseId, http, actions, http.RequestAborted), durable);

    [Function(nameof(ApiRoutes.ResumeCase))]
    public Task<IResult> Resume(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Resume)] HttpRequest request, string caseId, [DurableClient] DurableTaskClient durable) =>
        bind.RunAsync(request, ApiRoutes.ResumeCase, http => SupervisorActionsApi.ResumeAsync(caseId, http, actions, http.RequestAborted), durable);

    [Function(nameof(ApiRoutes.EscalateCase))]
    public Task<IResult> Escalate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Escalate)] HttpRequest request, string caseId, [DurableClient] DurableTaskClient durable) =>
        bind.RunAsync(request, ApiRoutes.EscalateCase, http => SupervisorActionsApi.EscalateAsync(caseId, http, actions, http.RequestAborted), durable);

    [Function(nameof(ApiRoutes.PromiseCase))]
    public Task<IResult> Promise(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Promise)] HttpRequest request, string caseId, [DurableClient] DurableTaskClient durable) =>
        bind.RunAsync(request, ApiRoutes.PromiseCase, http => SupervisorActionsApi.PromiseAsync(caseId, http, actions, http.RequestAborted), durable);

    [Function(nameof(ApiRoutes.PlanCase))]
    public Task<IResult> Plan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Plan)] HttpRequest request, string caseId, [DurableClient] DurableTaskClient durable) =>
        bind.RunAsync(request, ApiRoutes.PlanCase, http => SupervisorActionsApi.PlanAsync(caseId, http, actions, http.RequestAborted), durable);

    [Function(nameof(ApiRoutes.ClassifyCase))]
    public Task<IResult> Classify(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Classify)] HttpRequest request, string caseId, [DurableClient] DurableTaskClient durable) =>
        bind.RunAsync(request, ApiRoutes.ClassifyCase, http => SupervisorActionsApi.ClassifyAsync(caseId, http, actions, http.RequestAborted), durable);

    [Function(nameof(ApiRoutes.CloseCase))]
    public Task<IResult> Close(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Close)] HttpRequest request, string caseId, [DurableClient] DurableTaskClient durable) =>
        bind.RunAsync(request, ApiRoutes.CloseCase, http => SupervisorActionsApi.CloseAsync(caseId, http, actions, http.RequestAborted), durable);

    [Function(nameof(ApiRoutes.DisputeCase))]
    public Task<IResult> Dispute(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Dispute)] HttpRequest request, string caseId, [DurableClient] DurableTaskClient durable) =>
        bind.RunAsync(request, ApiRoutes.DisputeCase, http => SupervisorActionsApi.DisputeAsync(caseId, http, actions, http.RequestAborted), durable);

    [Function(nameof(ApiRoutes.OptOutCase))]
    public Task<IResult> OptOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.OptOut)] HttpRequest request, string caseId, [DurableClient] DurableTaskClient durable) =>
        bind.RunAsync(request, ApiRoutes.OptOutCase, http => SupervisorActionsApi.OptOutAsync(caseId, http, actions, http.RequestAborted), durable);
}
