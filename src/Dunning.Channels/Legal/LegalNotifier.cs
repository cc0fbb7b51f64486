using System.Net.Http.Headers;
using System.Text.Json;
using Dunning.Channels.Documents;
using Dunning.Domain;
using Polly;

namespace Dunning.Channels.Legal;

/// <summary>Tells the legal endpoint a case was handed over: a JSON notification with the dossier inline (legal need
/// not reach our storage), signed with HMAC-SHA256 over "{timestamp}.{body}". A failure that may pass is tried again
/// (<see cref="ChannelRetries.LegalWebhook"/>), each attempt signed afresh; any answer but 2xx after that throws, so the
/// workflow carries the effect out again later. The delivery header, the same on every attempt, lets legal drop a repeat.</summary>
public sealed class LegalNotifier
{
    public const string EventName = "case.handed-to-legal";

    private readonly HttpClient _http;
    private readonly LegalOptions _options;
    private readonly TimeProvider _wallClock;
    private readonly ResiliencePipeline<HttpResponseMessage> _retries;

    /// <param name="wallClock">Real time: the receiver checks the signed timestamp against its own clock.</param>
    public LegalNotifier(HttpClient http, LegalOptions options, TimeProvider wallClock)
    {
        _http = http;
        _options = options;
        _wallClock = wallClock;
        _retries = ChannelRetries.LegalWebhook(options, wallClock);
    }

    public bool IsConfigured => _options.WebhookUrl is not null && !string.IsNullOrEmpty(_options.WebhookSecret);

    /// <summary>Posts the notification; returns the HTTP status legal answered with.</summary>
    public async Task<int> NotifyAsync(EffectContext context, HandOffToLegal effect, StoredDocument dossier, CancellationToken cancellationToken = default)
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException($"{LegalOptions.Section}:WebhookUrl and WebhookSecret are not configured.");
        }

        var notification = new LegalNotification(EventName, context.CaseId, effect.Facts.AccountId, effect.Facts.InvoiceId, effect.Step,
            effect.Claim.Total, dossier.Location, dossier.Sha256, JsonDocument.Parse(dossier.Content).RootElement);
        var body = JsonSerializer.SerializeToUtf8Bytes(notification, DomainJson.Options);
        using var response = await _retries.ExecuteAsync(async token =>
        {
            using var request = Signed(body, context.IdempotencyKey);
            return await _http.SendAsync(request, token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The legal endpoint answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }

        return (int)response.StatusCode;
    }

    /// <summary>One attempt's request: signed now, carrying the delivery id every attempt shares.</summary>
    private HttpRequestMessage Signed(byte[] body, string deliveryId)
    {
        var timestamp = WebhookSigner.Timestamp(_wallClock.GetUtcNow());
        var request = new HttpRequestMessage(HttpMethod.Post, _options.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSigner.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSigner.SignatureHeader, WebhookSigner.Signature(_options.WebhookSecret!, timestamp, body));
        request.Headers.Add(WebhookSigner.DeliveryHeader, deliveryId);
        return request;
    }
}

/// <summary>The body of the legal webhook.</summary>
public sealed record LegalNotification(
    string Event,
    string CaseId,
    string AccountId,
    string InvoiceId,
    string Step,
    Money ClaimTotal,
    string DossierLocation,
    string DossierSha256,
    JsonElement Dossier);
