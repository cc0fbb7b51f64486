using Dunning.Channels.Documents;
using Dunning.Channels.Work;
using Dunning.Domain;
using Dunning.Endpoints.CaseViews;
using Dunning.Endpoints.Routing;
using Dunning.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dunning.Functions;

/// <summary>The read-only views the supervisor console uses (Dunning.Endpoints.CaseViews).</summary>
public sealed class CaseViewFunctions(EndpointBinding bind, CaseStore store, WorkStore work, DocumentStore documents, CaseSearch search,
    PortfolioBreakdown breakdown, PolicyCatalog policies, VirtualClock clock)
{
    [Function(nameof(ApiRoutes.WhoAmI))]
    public Task<IResult> WhoAmI([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Me)] HttpRequest request) =>
        bind.RunAsync(request, ApiRoutes.WhoAmI, CaseViewsApi.WhoAmI);

    [Function(nameof(ApiRoutes.GetCaseDetails))]
    public Task<IResult> GetCaseDetails([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CaseDetails)] HttpRequest request, string caseId) =>
        bind.RunAsync(request, ApiRoutes.GetCaseDetails, http => CaseViewsApi.DetailsAsync(caseId, store, policies, clock, http.RequestAborted));

    [Function(nameof(ApiRoutes.ListCaseWork))]
    public Task<IResult> ListCaseWork([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CaseWork)] HttpRequest request, string caseId) =>
        bind.RunAsync(request, ApiRoutes.ListCaseWork, http => CaseViewsApi.WorkAsync(caseId, work, store, http.RequestAborted));

    [Function(nameof(ApiRoutes.GetCaseDocument))]
    public Task<IResult> GetCaseDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CaseDocument)] HttpRequest request, string caseId, string name) =>
        bind.RunAsync(request, ApiRoutes.GetCaseDocument, http => CaseDocuments.GetAsync(caseId, name, http, documents, http.RequestAborted));

    [Function(nameof(ApiRoutes.SearchCases))]
    public Task<IResult> SearchCases([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CaseSearch)] HttpRequest request) =>
        bind.RunAsync(request, ApiRoutes.SearchCases, http => CaseViewsApi.SearchAsync(search, clock, http.RequestAborted,
            http.Value("status"), http.Value("stage"), http.Value("bucket"), http.Value("debtorType"), http.Value("minDaysPastDue"),
            http.Value("maxDaysPastDue"), http.Value("flagged"), http.Value("pageSize"), http.Value("continuationToken")));

    [Function(nameof(ApiRoutes.GetMetricsBreakdown))]
    public Task<IResult> GetMetricsBreakdown([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.MetricsBreakdown)] HttpRequest request) =>
        bind.RunAsync(request, ApiRoutes.GetMetricsBreakdown, http => CaseViewsApi.BreakdownAsync(breakdown, http.RequestAborted));
}
