using Dunning.Channels.DeliveryReports;
using Dunning.Endpoints.Channels;
using Dunning.Endpoints.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dunning.Functions;

/// <summary>Communication Services events through Event Grid (delivery reports, inbound SMS), with the subscription
/// validation handshake of both schemas (Dunning.Endpoints.Channels).</summary>
public sealed class AcsWebhookFunctions(EndpointBinding bind, AcsEventGridHandler handler)
{
    [Function(nameof(ApiRoutes.AcsEventGridWebhook))]
    public Task<IResult> Receive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.AcsWebhook)] HttpRequest request,
        [DurableClient] DurableTaskClient durable) =>
        bind.RunAsync(request, ApiRoutes.AcsEventGridWebhook, http => AcsWebhookApi.ReceiveAsync(http, handler, http.RequestAborted), durable);

    [Function(nameof(ApiRoutes.AcsEventGridHandshake))]
    public Task<IResult> Handshake([HttpTrigger(AuthorizationLevel.Anonymous, "options", Route = ApiRoutes.AcsWebhook)] HttpRequest request) =>
        bind.RunAsync(request, ApiRoutes.AcsEventGridHandshake, AcsWebhookApi.AllowOrigin);
}
