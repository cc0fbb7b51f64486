using Dunning.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Api.Operations;

/// <summary>GET /api/metrics (viewer).</summary>
public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/metrics", async Task<Ok<MetricsReport>> (CaseMetrics metrics, CancellationToken cancellationToken) =>
                TypedResults.Ok(await metrics.GetAsync(cancellationToken)))
            .RequireAuthorization(Roles.Viewer).WithTags("Operations").WithName("Metrics");
        return app;
    }
}
