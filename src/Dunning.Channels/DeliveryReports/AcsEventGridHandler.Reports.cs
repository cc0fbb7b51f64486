using Azure.Messaging.EventGrid.SystemEvents;
using Dunning.Channels.Acs;
using Dunning.Domain;

namespace Dunning.Channels.DeliveryReports;

public sealed partial class AcsEventGridHandler
{
    private static readonly string[] EmailFailures = ["Failed", "Bounced", "Suppressed", "FilteredSpam", "Quarantined"];

    private static readonly Actor SmsReplier = new("debtor (SMS reply)", ActorKind.Debtor);

    private Task<int> SmsDeliveredAsync(DeliveredEvent @event, AcsSmsDeliveryReportReceivedEventData report, CancellationToken cancellationToken)
    {
        var status = report.DeliveryStatus ?? "";
        bool? delivered = status.Equals("Delivered", StringComparison.OrdinalIgnoreCase) ? true
            : status.Equals("Failed", StringComparison.OrdinalIgnoreCase) ? false
            : null;
        return ReportAsync(@event, report.MessageId, status, NonEmpty(report.DeliveryStatusDetails), delivered, FromTag(report.Tag), cancellationToken);
    }

    private Task<int> EmailDeliveredAsync(DeliveredEvent @event, AcsEmailDeliveryReportReceivedEventData report, CancellationToken cancellationToken)
    {
        var status = report.Status?.ToString() ?? "";
        bool? delivered = status.Equals("Delivered", StringComparison.OrdinalIgnoreCase) ? true
            : EmailFailures.Contains(status, StringComparer.OrdinalIgnoreCase) ? false
            : null;
        return ReportAsync(@event, report.MessageId, status, NonEmpty(report.DeliveryStatusDetails?.StatusMessage), delivered, null, cancellationToken);
    }

    /// <summary>Records the status on the message and, for a final verdict, queues ReportDelivery for its case.
    /// Statuses that are not a verdict (e.g. "Expanded") only update the message log.</summary>
    private async Task<int> ReportAsync(DeliveredEvent @event, string? reportedMessageId, string status, string? details, bool? delivered,
        MessageRoute? tagged, CancellationToken cancellationToken)
    {
        var messageId = reportedMessageId ?? @event.Id ?? "";
        var route = (messageId.Length > 0 ? await log.FindRouteAsync(messageId, cancellationToken).ConfigureAwait(false) : null) ?? tagged;
        if (route is null)
        {
            AcsLog.DeliveryReportUnmatched(logger, messageId, status);
            return 0;
        }

        var detail = details is null ? status : $"{status}: {details}";
        var now = log.Now;
        await log.UpdateAsync(route.CaseId, route.ContactId,
            r => r with { Status = status, Detail = details, StatusAt = now, ProviderMessageId = r.ProviderMessageId ?? messageId },
            cancellationToken).ConfigureAwait(false);
        AcsLog.DeliveryReported(logger, messageId, status, route.ContactId, route.CaseId);
        if (delivered is not { } succeeded)
        {
            return 0;
        }

        await commands.SubmitAsync(route.CaseId, new ReportDelivery(now, route.ContactId, route.Channel, succeeded, detail),
            TableKeys.Safe($"dr-{messageId}-{status}"), cancellationToken).ConfigureAwait(false);
        return 1;
    }

    /// <summary>An inbound STOP (or 退订, TD) opts the number out of SMS in every case that texted it.</summary>
    private async Task<int> SmsReceivedAsync(DeliveredEvent @event, AcsSmsReceivedEventData inbound, CancellationToken cancellationToken)
    {
        if (OptOutKeywords.Match(inbound.Message) is not { } keyword || inbound.From is not { Length: > 0 } from)
        {
            return 0;
        }

        var messageId = inbound.MessageId ?? @event.Id ?? TableKeys.Hash($"{from}|{inbound.ReceivedTimestamp:O}");
        var cases = await log.CasesMessagedAtAsync(from, cancellationToken).ConfigureAwait(false);
        foreach (var caseId in cases)
        {
            await commands.SubmitAsync(caseId, new OptOut(log.Now, SmsReplier, $"Replied \"{keyword}\" to an SMS", ContactChannel.Sms),
                TableKeys.Safe($"stop-{messageId}-{caseId}"), cancellationToken).ConfigureAwait(false);
        }

        AcsLog.OptedOut(logger, messageId, cases.Count);
        return cases.Count;
    }

    /// <summary>The SMS tag is "{caseId}:{contactId}" (see <see cref="AcsSmsProvider.Tag"/>): enough to find the case
    /// when the report outruns the message id index.</summary>
    private static MessageRoute? FromTag(string? tag)
    {
        var colon = tag?.LastIndexOf(':') ?? -1;
        return colon > 0 && colon < tag!.Length - 1 ? new MessageRoute(tag[..colon], tag[(colon + 1)..], ContactChannel.Sms) : null;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
