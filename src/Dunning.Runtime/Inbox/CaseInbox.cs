using Dunning.Domain;

namespace Dunning.Runtime;

/// <summary>The way in: every change to a case, from any source, is a message on the case's inbox queue.</summary>
public sealed class CaseInbox(StorageClients storage, VirtualClock clock, RuntimeOptions options)
{
    /// <summary>Enqueues a command. Give <paramref name="messageId"/> when the sender may retry, so a repeat is applied once.</summary>
    public async Task<string> SendAsync(string caseId, CaseCommand command, string? messageId = null, CancellationToken cancellationToken = default)
    {
        var envelope = CommandCodec.Encode(messageId ?? Guid.NewGuid().ToString("N"), caseId, command);
        await SendAsync(envelope, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        return envelope.Id;
    }

    /// <summary>Arms a durable timer: the message stays invisible until due (in real time, scaled by the clock's speed),
    /// at most <see cref="RuntimeOptions.TimerCap"/>; a longer timer is re-armed when it surfaces early.</summary>
    public Task ArmTimerAsync(string caseId, string token, DateTimeOffset due, CancellationToken cancellationToken = default)
    {
        var (envelope, delay) = Timer(caseId, token, due);
        return SendAsync(envelope, delay, cancellationToken);
    }

    /// <summary>A timer's envelope and the real time it stays invisible (capped).</summary>
    internal (InboxEnvelope Envelope, TimeSpan Delay) Timer(string caseId, string token, DateTimeOffset due) =>
        // The id is the token's, so a timer enqueued twice (a crash between send and outbox delete) applies once.
        (CommandCodec.Encode($"{caseId}-{token}", caseId, new FireTimer(due, token), due), Capped(clock.ToRealDelay(due - clock.GetUtcNow())));

    /// <summary>The queue a case's messages go to.</summary>
    internal string QueueNameFor(string caseId) => storage.InboxFor(caseId).Name;

    internal TimeSpan Capped(TimeSpan realDelay) => realDelay > options.TimerCap ? options.TimerCap : realDelay;

    internal async Task SendAsync(InboxEnvelope envelope, TimeSpan realDelay, CancellationToken cancellationToken)
    {
        var delay = Capped(realDelay);
        await storage.InboxFor(envelope.CaseId).SendMessageAsync(
            CommandCodec.Serialize(envelope),
            visibilityTimeout: delay > TimeSpan.Zero ? delay : null,
            timeToLive: TimeSpan.FromSeconds(-1),
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
