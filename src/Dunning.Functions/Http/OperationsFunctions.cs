using Dunning.Endpoints.Operations;
using Dunning.Endpoints.Routing;
using Dunning.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dunning.Functions;

/// <summary>Probes, portfolio metrics and the OpenAPI document (Dunning.Endpoints.Operations).</summary>
public sealed class OperationsFunctions(EndpointBinding bind, CaseTables tables, CaseMetrics metrics, ILoggerFactory loggers)
{
    [Function(nameof(ApiRoutes.CheckHealth))]
    public Task<IResult> CheckHealth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request) =>
        bind.RunAsync(request, ApiRoutes.CheckHealth, _ => HealthApi.Alive());

    [Function(nameof(ApiRoutes.CheckReady))]
    public Task<IResult> CheckReady([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Ready)] HttpRequest request) =>
        bind.RunAsync(request, ApiRoutes.CheckReady, http => HealthApi.ReadyAsync(tables, loggers, http.RequestAborted));

    [Function(nameof(ApiRoutes.GetMetrics))]
    public Task<IResult> GetMetrics([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Metrics)] HttpRequest request) =>
        bind.RunAsync(request, ApiRoutes.GetMetrics, http => MetricsApi.GetAsync(metrics, http.RequestAborted));

    [Function(nameof(ApiRoutes.ServeOpenApi))]
    public Task<IResult> ServeOpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.OpenApi)] HttpRequest request) =>
        bind.RunAsync(request, ApiRoutes.ServeOpenApi, _ => OpenApiSnapshot.Serve());
}
