using System.Text.Json;
using Dunning.Domain;

namespace Dunning.Runtime;

/// <summary>Turns commands into inbox envelopes and back. The command's instant is not trusted from the wire: the
/// processor stamps the time it decides at.</summary>
public static class CommandCodec
{
    private static readonly Dictionary<string, Type> Types = new[]
    {
        typeof(OpenCase), typeof(FireTimer), typeof(ReceivePayment), typeof(PauseCase), typeof(ResumeCase),
        typeof(EscalateCase), typeof(RecordPromise), typeof(AgreePlan), typeof(ClassifyDebtor), typeof(CloseCase),
        typeof(DisputeCase), typeof(OptOut), typeof(ReportDelivery), typeof(ReportVisitOutcome), typeof(RecordDocument),
        typeof(RaiseAlert),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static InboxEnvelope Encode(string messageId, string caseId, CaseCommand command, DateTimeOffset? due = null) =>
        new(messageId, caseId, command.GetType().Name, JsonSerializer.SerializeToElement(command, command.GetType(), DomainJson.Options), due);

    public static CaseCommand Decode(InboxEnvelope envelope, DateTimeOffset now)
    {
        if (!Types.TryGetValue(envelope.Type, out var type))
        {
            throw new InvalidDataException($"Unknown command type '{envelope.Type}'.");
        }

        var command = (CaseCommand?)envelope.Payload.Deserialize(type, DomainJson.Options)
            ?? throw new InvalidDataException($"Empty {envelope.Type} payload.");
        return command with { Now = now };
    }

    public static string Serialize(InboxEnvelope envelope) => JsonSerializer.Serialize(envelope, DomainJson.Options);

    /// <summary>Reads an envelope; a queue trigger may hand the body over JSON-quoted, so one level of quoting is undone.</summary>
    public static InboxEnvelope Deserialize(string body)
    {
        var text = body.TrimStart().StartsWith('"') ? JsonSerializer.Deserialize<string>(body)! : body;
        return JsonSerializer.Deserialize<InboxEnvelope>(text, DomainJson.Options)
            ?? throw new InvalidDataException("Empty inbox message.");
    }
}
