using Dunning.Api.Auth;
using Dunning.Channels.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Api.Channels;

/// <summary>GET /api/print-queue: the written notices waiting for postal dispatch, as an operator would print them
/// (peeked, so listing takes nothing off the queue).</summary>
public static class PrintQueueApi
{
    public static RouteHandlerBuilder MapPrintQueueApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/print-queue", async Task<Ok<IReadOnlyList<QueuedLetter>>> (PrintQueue queue, CancellationToken cancellationToken) =>
                TypedResults.Ok(await queue.PeekAsync(32, cancellationToken)))
            .RequireAuthorization(Roles.Viewer)
            .WithTags("Field work")
            .WithName("ListPrintQueue");
}
