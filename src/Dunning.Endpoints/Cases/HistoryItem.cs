using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Endpoints.Http;
using Dunning.Domain;
using Dunning.Channels;

namespace Dunning.Endpoints.Cases;

/// <summary>One entry of a case's timeline: who did what, when and why; <see cref="Data"/> is the rest of the event.</summary>
public sealed record HistoryItem(long Seq, DateTimeOffset At, string Type, string Actor, string? ActorKind, string? Reason, JsonObject Data)
{
    private static readonly string[] Lifted = ["at", "type", "by", "reason"];

    public static HistoryItem From(HistoryRecord record)
    {
        var e = record.Event;
        var data = JsonSerializer.SerializeToNode(e, ApiJson.Options)!.AsObject();
        foreach (var name in Lifted)
        {
            data.Remove(name);
        }

        var by = e switch
        {
            ISupervisorEvent s => s.By,
            CaseOpened opened => opened.By,
            _ => Domain.Actor.System,
        };
        var reason = e switch
        {
            CommandRejected rejected => rejected.Reason,
            ISupervisorEvent s => s.Reason,
            _ => null,
        };
        return new HistoryItem(record.Seq, e.At, e.Type, by.Name, by.Kind.ToString(), reason, data);
    }
}
