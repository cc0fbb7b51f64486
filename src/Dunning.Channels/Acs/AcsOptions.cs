namespace Dunning.Channels.Acs;

/// <summary>Communication Services settings, bound from <c>Dunning:Channels:Acs</c>.</summary>
public sealed class AcsOptions
{
    public const string Section = "Dunning:Channels:Acs";

    /// <summary><c>endpoint=...;accesskey=...</c>; when empty, <see cref="Endpoint"/> and a registered TokenCredential are used.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The resource endpoint for Entra ID (managed identity) authentication.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The E.164 number (or short code) SMS are sent from.</summary>
    public string? SenderPhone { get; set; }

    /// <summary>The verified sender address, e.g. <c>DoNotReply@notices.example.com</c>.</summary>
    public string? SenderEmail { get; set; }

    /// <summary>SMS requests per second (fractions allowed); 0 or less: no limit. The default stays under the
    /// toll-free number limit of 200 a minute.</summary>
    public double SmsPerSecond { get; set; } = 3;

    /// <summary>E-mail sends per second (fractions allowed); 0 or less: no limit. The default is a custom domain's
    /// initial quota of 30 a minute.</summary>
    public double EmailPerSecond { get; set; } = 0.5;

    /// <summary>When set, the Event Grid subscription must call the webhook with <c>?code=&lt;secret&gt;</c>.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Azure.Core retries of one request (429, 408, 5xx and network failures).</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First delay of Azure.Core's exponential back-off (a retry-after from the service wins).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Wait between polls of an e-mail operation when the service gives no retry-after.</summary>
    public TimeSpan EmailPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a send waits for its e-mail operation to end; past it the send fails and is retried later
    /// under the same operation id.</summary>
    public TimeSpan EmailMaxWait { get; set; } = TimeSpan.FromMinutes(2);
}
