using Dunning.Endpoints.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Endpoints.Operations;

/// <summary>GET /api/metrics (viewer).</summary>
public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.Map(ApiRoutes.GetMetrics, GetAsync);
        return app;
    }

    public static async Task<Ok<MetricsReport>> GetAsync(CaseMetrics metrics, CancellationToken cancellationToken) =>
        TypedResults.Ok(await metrics.GetAsync(cancellationToken));
}
