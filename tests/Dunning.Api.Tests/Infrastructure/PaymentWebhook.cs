using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Dunning.Api.Tests;

/// <summary>Posts payment webhooks the way a provider does: HMAC-SHA256 over "{timestamp}.{raw body}", computed here
/// independently of the service's own code.</summary>
public static class PaymentWebhook
{
    public const string Path = "/api/webhooks/payments";

    public static JsonObject Body(string paymentId, string caseId, decimal amount, string currency = "CNY") => new()
    {
        ["paymentId"] = paymentId,
        ["caseId"] = caseId,
        ["amount"] = new JsonObject { ["amount"] = amount, ["currency"] = currency },
        ["receivedAt"] = "2026-11-21T10:00:00+08:00",
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonNode body, DateTimeOffset? signedAt = null, string secret = Keys.WebhookSecret)
    {
        var raw = body.ToJsonString();
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{raw}"));
        return PostAsync(client, raw, timestamp, "sha256=" + Convert.ToHexString(mac).ToLowerInvariant());
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string raw, string? timestamp, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(raw, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (timestamp is not null)
        {
            request.Headers.Add("X-Dunning-Timestamp", timestamp);
        }

        if (signature is not null)
        {
            request.Headers.Add("X-Dunning-Signature", signature);
        }

        return client.SendAsync(request);
    }
}
