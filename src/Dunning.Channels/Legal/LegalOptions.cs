namespace Dunning.Channels.Legal;

/// <summary>The legal department's (or law firm's) endpoint, bound from <c>Dunning:Legal</c>. Without a URL the
/// dossier is stored and recorded but nobody is notified.</summary>
public sealed class LegalOptions
{
    public const string Section = "Dunning:Legal";

    public Uri? WebhookUrl { get; set; }

    /// <summary>The shared secret the webhook is signed with (HMAC-SHA256).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts after the first when legal fails in a way that may pass (see <see cref="ChannelRetries.LegalWebhook"/>).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off; it doubles on each retry (with jitter) unless legal answers with a Retry-After.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
