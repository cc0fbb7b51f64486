namespace Dunning.Endpoints.Logging;

/// <summary>The API's log messages, with stable event ids. Personal data only ever goes through <see cref="Redact"/>.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Open of case {CaseId} started (debtor {NameMasked}, phone {PhoneMasked}, e-mail {EmailMasked})")]
    public static partial void CaseOpenRequested(ILogger logger, string caseId, string nameMasked, string phoneMasked, string emailMasked);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "{Command} for case {CaseId} recorded from {Actor}")]
    public static partial void ActionEnqueued(ILogger logger, string command, string caseId, string actor);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Payment webhook refused: {Why}")]
    public static partial void WebhookRefused(ILogger logger, string why);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Payment {PaymentId} for case {CaseId}: {Outcome}")]
    public static partial void PaymentReceived(ILogger logger, string paymentId, string caseId, string outcome);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Payment {PaymentId} matches no case; kept as unmatched ({Why})")]
    public static partial void PaymentUnmatched(ILogger logger, string paymentId, string why);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Campaign {CampaignId} stored: {Total} rows, {Failed} rejected")]
    public static partial void CampaignStored(ILogger logger, string campaignId, int total, int failed);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Campaign {CampaignId} started: {Enqueued} opens, {Duplicates} duplicates")]
    public static partial void CampaignEnqueued(ILogger logger, string campaignId, int enqueued, int duplicates);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Error, Message = "Campaign {CampaignId} failed; it will be resumed")]
    public static partial void CampaignFailed(ILogger logger, Exception exception, string campaignId);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "Campaign {CampaignId} done")]
    public static partial void CampaignDone(ILogger logger, string campaignId);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Storage not reachable for /readyz")]
    public static partial void NotReady(ILogger logger, Exception exception);
}
