using Dunning.Endpoints.Campaigns;
using Dunning.Endpoints.Cases;
using Dunning.Endpoints.Routing;
using Dunning.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dunning.Functions;

/// <summary>Campaign imports and their progress (Dunning.Endpoints.Campaigns); the opens themselves are started by the
/// <see cref="PeriodicFunctions.StartCampaigns"/> timer.</summary>
public sealed class CampaignFunctions(EndpointBinding bind, CaseRequestValidator validator, CampaignStore campaigns, CampaignStarts starts,
    ReadModelStore readModels, VirtualClock clock, ILoggerFactory loggers)
{
    [Function(nameof(ApiRoutes.ImportCampaign))]
    public Task<IResult> ImportCampaign([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Campaigns)] HttpRequest request) =>
        bind.RunAsync(request, ApiRoutes.ImportCampaign, http => CampaignsApi.ImportAsync(http, validator, campaigns, starts, clock, loggers, http.RequestAborted));

    [Function(nameof(ApiRoutes.GetCampaign))]
    public Task<IResult> GetCampaign([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Campaign)] HttpRequest request, string campaignId) =>
        bind.RunAsync(request, ApiRoutes.GetCampaign, http => CampaignsApi.ProgressAsync(campaignId, campaigns, readModels, http.RequestAborted));
}
