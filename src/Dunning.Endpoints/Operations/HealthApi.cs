using Azure.Data.Tables;
using Dunning.Endpoints.Http;
using Dunning.Endpoints.Logging;
using Dunning.Endpoints.Routing;
using Dunning.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Endpoints.Operations;

/// <summary>/healthz (the process answers) and /readyz (storage answers a cheap query): open to all, for probes.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.Map(ApiRoutes.CheckHealth, Alive);
        app.Map(ApiRoutes.CheckReady, ReadyAsync);
        return app;
    }

    public static Ok<HealthStatus> Alive() => TypedResults.Ok(new HealthStatus("ok", null));

    public static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> ReadyAsync(CaseTables storage, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            // One page of at most one key from a partition that never exists: a round trip, no data.
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"readyz"}");
            await foreach (var _ in storage.CaseIndex.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: timeout.Token).AsPages())
            {
                break;
            }

            return TypedResults.Ok(new HealthStatus("ready", storage.Account.Tables.AccountName));
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException or HttpRequestException or AggregateException
                                   && !cancellationToken.IsCancellationRequested)
        {
            ApiLog.NotReady(loggers.CreateLogger(typeof(HealthApi).FullName!), ex);
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Storage is not reachable.",
                "Check Dunning:Storage:ConnectionString (or ConnectionStrings:Storage) and that the storage account (or Azurite) is running.");
        }
    }
}

/// <summary>The body of the health endpoints.</summary>
public sealed record HealthStatus(string Status, string? Storage);
