using Dunning.Endpoints.Actions;
using Dunning.Endpoints.Auth;
using Dunning.Endpoints.Campaigns;
using Dunning.Endpoints.Cases;
using Dunning.Endpoints.CaseViews;
using Dunning.Endpoints.Http;
using Dunning.Endpoints.Operations;
using Dunning.Endpoints.Payments;
using Dunning.Endpoints.SupervisorConsole;

namespace Dunning.Endpoints;

/// <summary>The services behind the endpoints, the same in both hosts: the API's JSON and problem details, auth (API keys,
/// Entra ID), opening cases, supervisor actions, webhooks, campaigns, metrics, the console's views and files. The host
/// adds the workflow (with its Durable client) and the channels, and decides what runs in the background.</summary>
public static class EndpointsServiceCollectionExtensions
{
    public static IServiceCollection AddDunningEndpoints(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = StatusProblems.Explain);
        services.AddDunningAuth(configuration);
        services.AddSingleton(Bind<WebhookSettings>(configuration, WebhookSettings.Section));
        services.AddSingleton(Bind<CaseOpeningOptions>(configuration, CaseOpeningOptions.Section));
        services.AddSingleton<CaseRequestValidator>();
        services.AddSingleton<CaseOpening>();
        services.AddSingleton<SupervisorActions>();
        services.AddSingleton(Bind<CampaignOptions>(configuration, CampaignOptions.Section));
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<CampaignStarts>();
        services.AddSingleton<CaseMetrics>();
        services.AddSingleton<CaseSearch>();
        services.AddSingleton<PortfolioBreakdown>();
        services.AddSingleton<ConsoleAssets>();
        services.AddSingleton(Bind<ConsoleSettings>(configuration, ConsoleSettings.Section));
        return services;
    }

    private static T Bind<T>(IConfiguration configuration, string section) where T : new() =>
        configuration.GetSection(section).Get<T>() ?? new T();
}
