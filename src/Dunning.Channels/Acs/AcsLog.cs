using Microsoft.Extensions.Logging;

namespace Dunning.Channels.Acs;

/// <summary>Log messages of the ACS providers and delivery reports, with stable event ids. No phone number or address
/// is ever logged: cases and contacts are named by id.</summary>
internal static partial class AcsLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "SMS {ContactId} of case {CaseId} accepted as {MessageId} (repeat: {Repeat})")]
    public static partial void SmsAccepted(ILogger logger, string contactId, string caseId, string? messageId, bool repeat);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "SMS {ContactId} of case {CaseId} not accepted: {Why}")]
    public static partial void SmsRejected(ILogger logger, string contactId, string caseId, string why);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "E-mail {ContactId} of case {CaseId}: operation {OperationId} {Status} (repeat: {Repeat})")]
    public static partial void EmailFinished(ILogger logger, string contactId, string caseId, string operationId, string status, bool repeat);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Delivery report {MessageId}: {Status} for contact {ContactId} of case {CaseId}")]
    public static partial void DeliveryReported(ILogger logger, string messageId, string status, string contactId, string caseId);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Delivery report {MessageId} ({Status}) names no known message; ignored")]
    public static partial void DeliveryReportUnmatched(ILogger logger, string messageId, string status);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "Inbound SMS {MessageId} is an opt-out; {Cases} case(s) opted out of SMS")]
    public static partial void OptedOut(ILogger logger, string messageId, int cases);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Debug, Message = "Event {EventType} ignored")]
    public static partial void EventIgnored(ILogger logger, string eventType);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Warning, Message = "Event Grid call refused: {Why}")]
    public static partial void WebhookRefused(ILogger logger, string why);
}
