using Dunning.Channels.Documents;
using Dunning.Channels.Work;
using Dunning.Endpoints.Channels;
using Dunning.Endpoints.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dunning.Functions;

/// <summary>Call tasks, field visits and the print queue (Dunning.Endpoints.Channels); outcomes reach the case as commands.</summary>
public sealed class FieldWorkFunctions(EndpointBinding bind, FieldWork work, PrintQueue print)
{
    [Function(nameof(ApiRoutes.ListVisits))]
    public Task<IResult> ListVisits([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Visits)] HttpRequest request) =>
        bind.RunAsync(request, ApiRoutes.ListVisits, http => FieldWorkApi.ListAsync(WorkItemKind.Visit, http.Value("status"), work, http.RequestAborted));

    [Function(nameof(ApiRoutes.GetVisit))]
    public Task<IResult> GetVisit([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Visit)] HttpRequest request, string visitId) =>
        bind.RunAsync(request, ApiRoutes.GetVisit, http => FieldWorkApi.GetAsync(WorkItemKind.Visit, visitId, work, http.RequestAborted));

    [Function(nameof(ApiRoutes.AssignVisit))]
    public Task<IResult> AssignVisit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.VisitAssign)] HttpRequest request, string visitId) =>
        bind.RunAsync(request, ApiRoutes.AssignVisit, http => FieldWorkApi.AssignAsync(WorkItemKind.Visit, visitId, http, work, http.RequestAborted));

    [Function(nameof(ApiRoutes.ReportVisitOutcome))]
    public Task<IResult> ReportVisitOutcome(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.VisitOutcome)] HttpRequest request, string visitId,
        [DurableClient] DurableTaskClient durable) =>
        bind.RunAsync(request, ApiRoutes.ReportVisitOutcome, http => FieldWorkApi.ReportVisitOutcomeAsync(visitId, http, work, http.RequestAborted), durable);

    [Function(nameof(ApiRoutes.ListCalls))]
    public Task<IResult> ListCalls([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Calls)] HttpRequest request) =>
        bind.RunAsync(request, ApiRoutes.ListCalls, http => FieldWorkApi.ListAsync(WorkItemKind.Call, http.Value("status"), work, http.RequestAborted));

    [Function(nameof(ApiRoutes.GetCall))]
    public Task<IResult> GetCall([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Call)] HttpRequest request, string callId) =>
        bind.RunAsync(request, ApiRoutes.GetCall, http => FieldWorkApi.GetAsync(WorkItemKind.Call, callId, work, http.RequestAborted));

    [Function(nameof(ApiRoutes.AssignCall))]
    public Task<IResult> AssignCall([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CallAssign)] HttpRequest request, string callId) =>
        bind.RunAsync(request, ApiRoutes.AssignCall, http => FieldWorkApi.AssignAsync(WorkItemKind.Call, callId, http, work, http.RequestAborted));

    [Function(nameof(ApiRoutes.ReportCallOutcome))]
    public Task<IResult> ReportCallOutcome(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CallOutcome)] HttpRequest request, string callId,
        [DurableClient] DurableTaskClient durable) =>
        bind.RunAsync(request, ApiRoutes.ReportCallOutcome, http => FieldWorkApi.ReportCallOutcomeAsync(callId, http, work, http.RequestAborted), durable);

    [Function(nameof(ApiRoutes.ListPrintQueue))]
    public Task<IResult> ListPrintQueue([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.PrintQueue)] HttpRequest request) =>
        bind.RunAsync(request, ApiRoutes.ListPrintQueue, http => PrintQueueApi.ListAsync(print, http.RequestAborted));
}
