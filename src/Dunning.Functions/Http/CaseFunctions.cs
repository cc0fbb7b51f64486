using Dunning.Domain;
using Dunning.Endpoints.Cases;
using Dunning.Endpoints.Channels;
using Dunning.Endpoints.Routing;
using Dunning.Channels;
using Dunning.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dunning.Functions;

/// <summary>/api/cases: open a case, read one, its history and messages, and pages of cases (Dunning.Endpoints.Cases).</summary>
public sealed class CaseFunctions(EndpointBinding bind, CaseRequestValidator validator, CaseOpening opening, CaseStore store,
    ReadModelStore readModels, MessageLog messages, PolicyCatalog policies, VirtualClock clock)
{
    [Function(nameof(ApiRoutes.OpenCase))]
    public Task<IResult> OpenCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Cases)] HttpRequest request,
        [DurableClient] DurableTaskClient durable) =>
        bind.RunAsync(request, ApiRoutes.OpenCase, http => CasesApi.OpenAsync(http, validator, opening, policies, clock, http.RequestAborted), durable);

    [Function(nameof(ApiRoutes.ListCases))]
    public Task<IResult> ListCases([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Cases)] HttpRequest request) =>
        bind.RunAsync(request, ApiRoutes.ListCases, http => CasesApi.ListAsync(readModels, policies, clock, http.RequestAborted,
            http.Value("status"), http.Value("stage"), http.Value("bucket"), http.Value("pageSize"), http.Value("continuationToken")));

    [Function(nameof(ApiRoutes.GetCase))]
    public Task<IResult> GetCase([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Case)] HttpRequest request, string caseId) =>
        bind.RunAsync(request, ApiRoutes.GetCase, http => CasesApi.GetAsync(caseId, store, policies, clock, http.RequestAborted));

    [Function(nameof(ApiRoutes.GetCaseHistory))]
    public Task<IResult> GetCaseHistory([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CaseHistory)] HttpRequest request, string caseId) =>
        bind.RunAsync(request, ApiRoutes.GetCaseHistory, http => CasesApi.HistoryAsync(caseId, store, http.RequestAborted));

    [Function(nameof(ApiRoutes.ListCaseMessages))]
    public Task<IResult> ListCaseMessages([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CaseMessages)] HttpRequest request, string caseId) =>
        bind.RunAsync(request, ApiRoutes.ListCaseMessages, http => CaseMessagesApi.ListAsync(caseId, messages, store, http.RequestAborted));
}
