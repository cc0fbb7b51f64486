using System.Net.Http.Headers;
using System.Text.Json;
using Dunning.Channels.Documents;
using Dunning.Domain;

namespace Dunning.Channels.Legal;

/// <summary>Tells the legal endpoint a case was handed over: a JSON notification with the dossier inline (legal need
/// not reach our storage), signed with HMAC-SHA256 over "{timestamp}.{body}". Any answer but 2xx throws, so the
/// workflow carries the effect out again; the delivery header lets legal drop a repeat.</summary>
public sealed class LegalNotifier(HttpClient http, LegalOptions options)
{
    public const string EventName = "case.handed-to-legal";

    public bool IsConfigured => options.WebhookUrl is not null && !string.IsNullOrEmpty(options.WebhookSecret);

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
        // Wall time, not the service's (possibly virtual) clock: the receiver checks the timestamp against its own.
        var timestamp = WebhookSigner.Timestamp(TimeProvider.System.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, options.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSigner.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSigner.SignatureHeader, WebhookSigner.Signature(options.WebhookSecret!, timestamp, body));
        request.Headers.Add(WebhookSigner.DeliveryHeader, context.IdempotencyKey);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The legal endpoint answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }

        return (int)response.StatusCode;
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
