using System.Text.Json;
using Dunning.Channels.Acs;
using Dunning.Domain;

namespace Dunning.Channels.DeliveryReports;

public sealed partial class AcsEventGridHandler
{
    private static readonly string[] EmailFailures = ["Failed", "Bounced", "Suppressed", "FilteredSpam", "Quarantined"];

    private static readonly Actor SmsReplier = new("debtor (SMS reply)", ActorKind.Debtor);

    private Task<int> SmsDeliveredAsync(EventGridEvent @event, CancellationToken cancellationToken)
    {
        var status = Json.String(@event.Data, "deliveryStatus") ?? "";
        bool? delivered = status.Equals("Delivered", StringComparison.OrdinalIgnoreCase) ? true
            : status.Equals("Failed", StringComparison.OrdinalIgnoreCase) ? false
            : null;
        return ReportAsync(@event, status, delivered, FromTag(Json.String(@event.Data, "tag")), cancellationToken);
    }

    private Task<int> EmailDeliveredAsync(EventGridEvent @event, CancellationToken cancellationToken)
    {
        var status = Json.String(@event.Data, "status") ?? "";
        bool? delivered = status.Equals("Delivered", StringComparison.OrdinalIgnoreCase) ? true
            : EmailFailures.Contains(status, StringComparer.OrdinalIgnoreCase) ? false
            : null;
        return ReportAsync(@event, status, delivered, null, cancellationToken);
    }

    /// <summary>Records the status on the message and, for a final verdict, queues ReportDelivery for its case.
    /// Statuses that are not a verdict (e.g. "Expanded") only update the message log.</summary>
    private async Task<int> ReportAsync(EventGridEvent @event, string status, bool? delivered, MessageRoute? tagged, CancellationToken cancellationToken)
    {
        var messageId = Json.String(@event.Data, "messageId") ?? @event.Id ?? "";
        var route = (messageId.Length > 0 ? await log.FindRouteAsync(messageId, cancellationToken).ConfigureAwait(false) : null) ?? tagged;
        if (route is null)
        {
            AcsLog.DeliveryReportUnmatched(logger, messageId, status);
            return 0;
        }

        var details = Details(@event.Data);
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
    private async Task<int> SmsReceivedAsync(EventGridEvent @event, CancellationToken cancellationToken)
    {
        if (OptOutKeywords.Match(Json.String(@event.Data, "message")) is not { } keyword
            || Json.String(@event.Data, "from") is not { Length: > 0 } from)
        {
            return 0;
        }

        var messageId = Json.String(@event.Data, "messageId") ?? @event.Id ?? TableKeys.Hash($"{from}|{Json.String(@event.Data, "receivedTimestamp")}");
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

    /// <summary>deliveryStatusDetails is a string for SMS and an object { statusMessage } for e-mail.</summary>
    private static string? Details(JsonElement data) => Json.Property(data, "deliveryStatusDetails") switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString() is { Length: > 0 } s ? s : null,
        { ValueKind: JsonValueKind.Object } details => Json.String(details, "statusMessage") is { Length: > 0 } s ? s : null,
        _ => null,
    };
}
