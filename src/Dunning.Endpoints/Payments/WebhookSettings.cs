namespace Dunning.Endpoints.Payments;

/// <summary>Webhook secrets, bound from <c>Dunning:Webhooks</c>.</summary>
public sealed class WebhookSettings
{
    public const string Section = "Dunning:Webhooks";

    /// <summary>The shared secret payment providers sign with (development value: dev-webhook-secret).</summary>
    public string? PaymentSecret { get; set; }

    /// <summary>How far a signature's timestamp may be from now, either way.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);
}
