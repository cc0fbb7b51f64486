using System.Text.Json;
using Dunning.Channels.Acs;

namespace Dunning.Channels.DeliveryReports;

/// <summary>One Event Grid event: its id, type and data. Read case-insensitively, from the Event Grid schema (an array
/// of { id, eventType, data }) or a CloudEvents one ({ id, type, data }).</summary>
public sealed record EventGridEvent(string? Id, string EventType, JsonElement Data)
{
    /// <summary>The events of a request body; throws <see cref="JsonException"/> when it is not JSON of either shape.</summary>
    public static IReadOnlyList<EventGridEvent> ParseAll(ReadOnlyMemory<byte> body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var items = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object => [root],
            _ => throw new JsonException("An Event Grid delivery is a JSON array of events."),
        };
        return items.Select(Parse).ToList();
    }

    private static EventGridEvent Parse(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("Each Event Grid event is a JSON object.");
        }

        var type = Json.String(item, "eventType") ?? Json.String(item, "type")
            ?? throw new JsonException("An Event Grid event has no 'eventType'.");
        // Clone: the document is disposed when parsing ends.
        var data = Json.Property(item, "data") is { } value ? value.Clone() : default;
        return new EventGridEvent(Json.String(item, "id"), type, data);
    }
}
