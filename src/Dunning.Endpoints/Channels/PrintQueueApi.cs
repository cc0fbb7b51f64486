using Dunning.Endpoints.Routing;
using Dunning.Channels.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Endpoints.Channels;

/// <summary>GET /api/print-queue: the written notices waiting for postal dispatch, as an operator would print them
/// (peeked, so listing takes nothing off the queue).</summary>
public static class PrintQueueApi
{
    public static RouteHandlerBuilder MapPrintQueueApi(this IEndpointRouteBuilder app) => app.Map(ApiRoutes.ListPrintQueue, ListAsync);

    public static async Task<Ok<IReadOnlyList<QueuedLetter>>> ListAsync(PrintQueue queue, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queue.PeekAsync(32, cancellationToken));
}
