using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Dunning.Channels.Acs;
using Microsoft.Extensions.Logging;

namespace Dunning.Channels.DeliveryReports;

/// <summary>Turns Communication Services events from Event Grid into case commands: delivery reports become
/// <c>ReportDelivery</c>, an inbound STOP becomes <c>OptOut</c> for every case that texted the number. Each command has a
/// message id derived from the event, so a redelivered event is applied once.</summary>
public sealed partial class AcsEventGridHandler(MessageLog log, ICaseCommands commands, AcsOptions options, ILogger<AcsEventGridHandler> logger)
{
    /// <summary>The header Event Grid names the kind of delivery in: <c>SubscriptionValidation</c> or <c>Notification</c>.</summary>
    public const string EventTypeHeader = "aeg-event-type";

    /// <summary>Whether a call may deliver events: always when no <see cref="AcsOptions.WebhookSecret"/> is set, else
    /// only with <c>?code=</c> equal to it (compared in constant time).</summary>
    public bool IsAuthorized(string? code)
    {
        if (string.IsNullOrEmpty(options.WebhookSecret))
        {
            return true;
        }

        var ok = code is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(code)), SHA256.HashData(Encoding.UTF8.GetBytes(options.WebhookSecret)));
        if (!ok)
        {
            AcsLog.WebhookRefused(logger, code is null ? "no ?code=" : "wrong ?code=");
        }

        return ok;
    }

    /// <summary>Handles one Event Grid delivery: the subscription handshake, or a batch of events.</summary>
    public async Task<EventGridReply> HandleAsync(string? eventTypeHeader, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DeliveredEvent> events;
        try
        {
            events = EventGridDelivery.Parse(body);
        }
        catch (Exception invalid) when (invalid is JsonException or FormatException or ArgumentException)
        {
            return EventGridReply.Invalid($"The body is not an Event Grid event array: {invalid.Message}");
        }

        var validation = events.FirstOrDefault(e => e.EventType.Equals(SystemEventNames.EventGridSubscriptionValidation, StringComparison.OrdinalIgnoreCase));
        if (validation is not null || string.Equals(eventTypeHeader, "SubscriptionValidation", StringComparison.OrdinalIgnoreCase))
        {
            return validation?.SystemData is SubscriptionValidationEventData { ValidationCode: { Length: > 0 } code }
                ? EventGridReply.Validation(code)
                : EventGridReply.Invalid("A subscription validation carries data.validationCode.");
        }

        var commands = 0;
        foreach (var @event in events)
        {
            commands += @event.SystemData switch
            {
                AcsSmsDeliveryReportReceivedEventData report => await SmsDeliveredAsync(@event, report, cancellationToken).ConfigureAwait(false),
                AcsEmailDeliveryReportReceivedEventData report => await EmailDeliveredAsync(@event, report, cancellationToken).ConfigureAwait(false),
                AcsSmsReceivedEventData inbound => await SmsReceivedAsync(@event, inbound, cancellationToken).ConfigureAwait(false),
                _ => Ignore(@event),
            };
        }

        return EventGridReply.Handled(commands);
    }

    private int Ignore(DeliveredEvent @event)
    {
        AcsLog.EventIgnored(logger, @event.EventType);
        return 0;
    }
}
