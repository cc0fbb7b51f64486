namespace Dunning.Channels.Legal;

/// <summary>The legal department's (or law firm's) endpoint, bound from <c>Dunning:Legal</c>. Without a URL the
/// dossier is stored and recorded but nobody is notified.</summary>
public sealed class LegalOptions
{
    public const string Section = "Dunning:Legal";

    public Uri? WebhookUrl { get; set; }

    /// <summary>The shared secret the webhook is signed with (HMAC-SHA256).</summary>
    public string? WebhookSecret { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
