using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Dunning.Channels.Acs;

/// <summary>The SMS REST API of Communication Services on an Azure.Core pipeline (the SDK package is not available).</summary>
public sealed class AcsSmsClient(HttpPipeline pipeline, Uri endpoint)
{
    public const string ApiVersion = "2021-03-07";
    public const int MaxRecipients = 100;
    public const int MaxMessageLength = 2048;

    /// <summary>Sends one request and returns one result per recipient. Throws <see cref="AcsRequestException"/> when the
    /// request as a whole fails (after Azure.Core's retries).</summary>
    public async Task<IReadOnlyList<SmsSendResult>> SendAsync(SmsSendRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(endpoint);
        message.Request.Uri.AppendPath("/sms", escape: false);
        message.Request.Uri.AppendQuery("api-version", ApiVersion);
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        message.Request.Headers.SetValue(HttpHeader.Names.Accept, "application/json");
        message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(SmsWire.From(request)));

        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status != 202)
        {
            throw AcsRequestException.From("SMS send", response);
        }

        return ReadResults(response);
    }

    private static void Validate(SmsSendRequest request)
    {
        if (request.Recipients.Count is 0 or > MaxRecipients)
        {
            throw new ArgumentException($"An SMS request has 1 to {MaxRecipients} recipients, not {request.Recipients.Count}.", nameof(request));
        }

        if (string.IsNullOrEmpty(request.Message) || request.Message.Length > MaxMessageLength)
        {
            throw new ArgumentException($"An SMS message has 1 to {MaxMessageLength} characters, not {request.Message.Length}.", nameof(request));
        }
    }

    private static List<SmsSendResult> ReadResults(Response response)
    {
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        if (Json.Property(json.RootElement, "value") is not { ValueKind: JsonValueKind.Array } items)
        {
            throw new AcsRequestException("SMS send", response.Status, "InvalidResponse", "The 202 answer has no 'value' array of recipient results.");
        }

        return items.EnumerateArray().Select(item => new SmsSendResult(
            Json.String(item, "to") ?? "",
            Json.String(item, "messageId"),
            Json.Int(item, "httpStatusCode") ?? 0,
            Json.Bool(item, "successful") ?? false,
            Json.String(item, "errorMessage"),
            Json.String(item, "repeatabilityResult"))).ToList();
    }
}
