using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Messaging;
using Azure.Messaging.EventGrid;

namespace Dunning.Channels.DeliveryReports;

/// <summary>One event of an Event Grid delivery: its id, its type and, for a system event the library knows, its data as
/// the library's type (<c>SubscriptionValidationEventData</c>, <c>AcsSmsDeliveryReportReceivedEventData</c>, ...).</summary>
public sealed record DeliveredEvent(string? Id, string EventType, object? SystemData);

/// <summary>Reads an Event Grid delivery with Azure.Messaging.EventGrid: the Event Grid schema through
/// <see cref="EventGridEvent.ParseMany(BinaryData)"/>, CloudEvents 1.0 through <see cref="CloudEvent.ParseMany"/>, and
/// their data through <c>TryGetSystemEventData</c>. The library reads the wire's camelCase names only (a PascalCase
/// <c>EventType</c> or <c>MessageId</c> is not seen) and requires every envelope field of the Event Grid schema; samples
/// and hand-written test deliveries differ in casing and leave fields out. So the body is first put in the wire's form:
/// every property name camelCased, missing envelope fields given empty values. Nothing else is read by hand.</summary>
internal static class EventGridDelivery
{
    /// <summary>The events in order; throws <see cref="JsonException"/> (or the library's <see cref="FormatException"/> and
    /// <see cref="ArgumentException"/>) when the body is not a delivery in either schema.</summary>
    public static IReadOnlyList<DeliveredEvent> Parse(ReadOnlyMemory<byte> body)
    {
        var items = JsonNode.Parse(body.Span) switch
        {
            JsonArray array => array.Select(CamelCased).ToList(),
            JsonObject single => [CamelCased(single)],
            _ => throw new JsonException("An Event Grid delivery is a JSON array of events."),
        };
        if (items.Any(item => item is not JsonObject))
        {
            throw new JsonException("Each Event Grid event is a JSON object.");
        }

        var events = items.Cast<JsonObject>().ToList();
        // One subscription delivers one schema; CloudEvents name the type "type" and carry "specversion".
        if (events.Count > 0 && (events[0].ContainsKey("specversion") || !events[0].ContainsKey("eventType")))
        {
            return CloudEvent.ParseMany(Serialize(events), skipValidation: true)
                .Select(e => new DeliveredEvent(e.Id, e.Type ?? throw new JsonException("An event has no 'eventType' or 'type'."),
                    e.TryGetSystemEventData(out var data) ? data : null))
                .ToList();
        }

        foreach (var e in events)
        {
            foreach (var field in (string[])["id", "subject", "dataVersion"])
            {
                e[field] ??= "";
            }

            e["data"] ??= new JsonObject();
        }

        return EventGridEvent.ParseMany(Serialize(events))
            .Select(e => new DeliveredEvent(e.Id is { Length: > 0 } id ? id : null, e.EventType, e.TryGetSystemEventData(out var data) ? data : null))
            .ToList();
    }

    private static BinaryData Serialize(List<JsonObject> events) => BinaryData.FromString(new JsonArray([.. events]).ToJsonString());

    /// <summary>A copy of <paramref name="node"/> whose property names, at every depth, are camelCase (EventType: eventType,
    /// ID: id); where two names fold to one, the later wins.</summary>
    private static JsonNode? CamelCased(JsonNode? node) => node switch
    {
        JsonObject source => source.Aggregate(new JsonObject(), (copy, property) =>
        {
            copy[JsonNamingPolicy.CamelCase.ConvertName(property.Key)] = CamelCased(property.Value);
            return copy;
        }),
        JsonArray array => new JsonArray([.. array.Select(CamelCased)]),
        _ => node?.DeepClone(),
    };
}
