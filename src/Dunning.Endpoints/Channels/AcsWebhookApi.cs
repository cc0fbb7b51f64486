using System.Text.Json.Serialization;
using Dunning.Endpoints.Http;
using Dunning.Endpoints.Routing;
using Dunning.Channels.DeliveryReports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Endpoints.Channels;

/// <summary>POST /api/webhooks/acs: Communication Services events through Event Grid (delivery reports, inbound SMS).
/// Not keyed (Event Grid sends no API key); when Dunning:Channels:Acs:WebhookSecret is set, the subscription URL must
/// carry <c>?code=&lt;secret&gt;</c>. Any non-2xx makes Event Grid retry, which the handler's message ids make harmless.</summary>
public static class AcsWebhookApi
{
    public static IEndpointRouteBuilder MapAcsWebhook(this IEndpointRouteBuilder app)
    {
        app.Map(ApiRoutes.AcsEventGridWebhook, ReceiveAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        // The CloudEvents schema validates a webhook with an OPTIONS request instead of a validation event.
        app.Map(ApiRoutes.AcsEventGridHandshake, AllowOrigin);
        return app;
    }

    public static async Task<Results<Ok<SubscriptionValidationResponse>, Ok<AcsEventsHandled>, ProblemHttpResult>> ReceiveAsync(
        HttpContext http, AcsEventGridHandler handler, CancellationToken cancellationToken)
    {
        if (!handler.IsAuthorized(http.Request.Query["code"]))
        {
            return Problems.Status(StatusCodes.Status401Unauthorized, "The webhook secret is missing or wrong.",
                "Subscribe with the endpoint URL ending in ?code=<Dunning:Channels:Acs:WebhookSecret>.");
        }

        var (bytes, tooLarge) = await RequestBody.ReadBytesAsync(http, cancellationToken);
        if (bytes is null)
        {
            return tooLarge!;
        }

        var reply = await handler.HandleAsync(http.Request.Headers[AcsEventGridHandler.EventTypeHeader], bytes, cancellationToken);
        return reply switch
        {
            { ValidationResponse: { } code } => TypedResults.Ok(new SubscriptionValidationResponse(code)),
            { StatusCode: StatusCodes.Status200OK } => TypedResults.Ok(new AcsEventsHandled(reply.Commands)),
            _ => Problems.Status(reply.StatusCode, "The body is not an Event Grid delivery.", reply.Problem ?? "Send a JSON array of Event Grid events."),
        };
    }

    public static IResult AllowOrigin(HttpContext http)
    {
        var origin = http.Request.Headers["WebHook-Request-Origin"].ToString();
        http.Response.Headers["WebHook-Allowed-Origin"] = origin.Length > 0 ? origin : "*";
        return TypedResults.Ok();
    }
}

/// <summary>The answer to Event Grid's subscription validation handshake.</summary>
public sealed record SubscriptionValidationResponse([property: JsonPropertyName("validationResponse")] string ValidationResponse);

/// <summary>How many case commands a delivery of events queued.</summary>
public sealed record AcsEventsHandled(int Commands);
