using Dunning.Channels;
using Dunning.Endpoints.Payments;
using Dunning.Endpoints.Routing;
using Dunning.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Dunning.Functions;

/// <summary>The signed payment webhook and the unmatched payments (Dunning.Endpoints.Payments).</summary>
public sealed class PaymentFunctions(EndpointBinding bind, WebhookSettings settings, CaseStore store, ICaseCommands commands,
    ReadModelStore readModels, VirtualClock clock, ILoggerFactory loggers)
{
    [Function(nameof(ApiRoutes.ReceivePayment))]
    public Task<IResult> ReceivePayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.PaymentWebhook)] HttpRequest request,
        [DurableClient] DurableTaskClient durable) =>
        bind.RunAsync(request, ApiRoutes.ReceivePayment,
            http => PaymentsWebhook.ReceiveAsync(http, settings, store, commands, readModels, clock, loggers, http.RequestAborted), durable);

    [Function(nameof(ApiRoutes.ListUnmatchedPayments))]
    public Task<IResult> ListUnmatchedPayments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.UnmatchedPayments)] HttpRequest request) =>
        bind.RunAsync(request, ApiRoutes.ListUnmatchedPayments, http => PaymentsWebhook.ListUnmatchedAsync(readModels, http.RequestAborted));
}
