using System.Text.Json;
using Dunning.Api.Campaigns;
using Dunning.Api.Logging;
using Dunning.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Api.Functions;

/// <summary>The Azure Functions custom-handler invocations (AZURE-WIRE.md): the queue trigger <c>POST /ProcessInbox</c>
/// runs the same processor as the hosted service, and the timer trigger <c>POST /CampaignSweep</c> one campaign pass.
/// The Functions host calls them on the loopback port, so they carry no key; they are mapped only in that mode.</summary>
public static class FunctionsHandlerApi
{
    public static IEndpointRouteBuilder MapFunctionsHandler(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Functions custom handler").AllowAnonymous().ExcludeFromDescription();
        // One queue trigger per inbox queue (infra/functions/ProcessInbox{n}); each posts to its own function name.
        group.MapPost("/ProcessInbox", ProcessInboxAsync);
        group.MapPost("/ProcessInbox{queue:int}", ProcessInboxAsync);
        group.MapPost("/CampaignSweep", async Task<Ok<InvocationResult>> (CampaignWorker worker, CancellationToken cancellationToken) =>
        {
            await worker.SweepAsync(cancellationToken);
            return TypedResults.Ok(InvocationResult.Empty);
        });
        return app;
    }

    private static async Task<Results<Ok<InvocationResult>, ProblemHttpResult>> ProcessInboxAsync(
        HttpContext http, CaseProcessor processor, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        InvocationRequest? request;
        InboxEnvelope envelope;
        try
        {
            request = await JsonSerializer.DeserializeAsync<InvocationRequest>(http.Request.Body, cancellationToken: cancellationToken);
            if (request?.Data is not { } data || !data.TryGetValue("message", out var message))
            {
                return Http.Problems.Status(StatusCodes.Status400BadRequest, "No queue message.", "The invocation's Data must hold 'message'.");
            }

            // The host hands a queue message over as a JSON string (sometimes quoted twice) or as the parsed object.
            envelope = CommandCodec.Deserialize(message.ValueKind == JsonValueKind.String ? message.GetString()! : message.GetRawText());
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException)
        {
            return Http.Problems.Status(StatusCodes.Status400BadRequest, "The queue message is not an inbox envelope.", ex.Message);
        }

        try
        {
            await processor.ProcessAsync(envelope, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A non-2xx fails the invocation: the host retries it and, after maxDequeueCount, moves it to the poison queue.
            ApiLog.TriggerFailed(loggers.CreateLogger(typeof(FunctionsHandlerApi).FullName!), ex, "ProcessInbox", envelope.Id);
            return Http.Problems.Status(StatusCodes.Status500InternalServerError, "Processing failed; the host will retry.", ex.GetType().Name);
        }

        return TypedResults.Ok(InvocationResult.Empty);
    }
}

/// <summary>What the Functions host posts: the trigger's data by binding name, and its metadata.</summary>
public sealed record InvocationRequest(Dictionary<string, JsonElement>? Data, Dictionary<string, JsonElement>? Metadata);

/// <summary>What the Functions host expects back; PascalCase as on its wire.</summary>
public sealed record InvocationResult(
    [property: System.Text.Json.Serialization.JsonPropertyName("Outputs")] Dictionary<string, object> Outputs,
    [property: System.Text.Json.Serialization.JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: System.Text.Json.Serialization.JsonPropertyName("ReturnValue")] object? ReturnValue)
{
    public static InvocationResult Empty { get; } = new(new Dictionary<string, object>(), [], null);
}
