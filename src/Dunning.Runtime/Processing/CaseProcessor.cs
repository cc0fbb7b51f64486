using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Dunning.Domain;
using Microsoft.Extensions.Logging;

namespace Dunning.Runtime;

/// <summary>Processes one inbox message for one case (ARCHITECTURE section 4): load the partition, decide, commit one
/// transaction with a marker, dispatch the outbox, delete the message. A crash anywhere leaves the message to come
/// back, and the marker and the outbox make the replay harmless.</summary>
public sealed class CaseProcessor(
    CaseStore store,
    CaseInbox inbox,
    OutboxDispatcher dispatcher,
    PolicyCatalog policies,
    StorageClients storage,
    VirtualClock clock,
    RuntimeOptions options,
    ILogger<CaseProcessor> logger)
{
    private const int MaxConflicts = 20;
    private long _rearmedTimers;

    /// <summary>How many timers surfaced early (past the visibility cap) and were re-armed, for tests and the benchmark.</summary>
    public long RearmedTimers => Interlocked.Read(ref _rearmedTimers);

    /// <summary>Handles a received message end to end, including poison handling; never throws for a bad message.</summary>
    public async Task HandleAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken = default)
    {
        InboxEnvelope envelope;
        try
        {
            envelope = CommandCodec.Deserialize(message.Body.ToString());
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException)
        {
            await PoisonAsync(queue, message, caseId: null, ex.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        var attempts = envelope.AttemptsAt(message.DequeueCount);
        if (attempts > options.MaxDequeueCount)
        {
            await PoisonAsync(queue, message, envelope.CaseId, $"failed {attempts - 1} times", cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var lease = new MessageLease(queue, message, options.VisibilityTimeout, clock.Real);
        try
        {
            if (await WaitOrRearmAsync(envelope, lease, cancellationToken).ConfigureAwait(false))
            {
                await ProcessAsync(envelope, lease, cancellationToken).ConfigureAwait(false);
            }

            await lease.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RuntimeLog.ProcessingFailed(logger, ex, message.MessageId, envelope.CaseId, attempts);
            if (lease.Carried)
            {
                // The message already waits as the case's next timer; its processing will finish what failed here.
                return;
            }

            // Back off a little per attempt rather than wait out the whole visibility timeout.
            var retryAfter = TimeSpan.FromSeconds(Math.Min(options.RetryBackoffMax.TotalSeconds, Math.Pow(2, attempts - 1)));
            try
            {
                await lease.ReleaseAsync(retryAfter, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The message will reappear when its visibility lapses anyway.
            }
        }
    }

    /// <summary>Steps 2 to 5 for one envelope; public so a pushed queue trigger (Functions) can run the same code.</summary>
    public Task ProcessAsync(InboxEnvelope envelope, CancellationToken cancellationToken = default) =>
        ProcessAsync(envelope, lease: null, cancellationToken);

    private async Task ProcessAsync(InboxEnvelope envelope, MessageLease? lease, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await store.LoadAsync(envelope.CaseId, envelope.Id, cancellationToken).ConfigureAwait(false);
            // Rows this timer's message carried out before it became the timer: deleted with the commit, not sent again.
            IReadOnlyList<OutboxRow> settled = loaded.Outbox.Where(r => r.Seq <= envelope.DispatchedThrough).ToList();
            IReadOnlyList<OutboxRow> outbox = loaded.Outbox.Where(r => r.Seq > envelope.DispatchedThrough).ToList();
            if (!loaded.MarkerExists)
            {
                var decided = Decide(envelope, loaded);
                if (decided is { } d)
                {
                    var committed = await store.CommitAsync(loaded, d.After, d.Events, d.Outbox, settled, envelope.Id, d.Now, cancellationToken).ConfigureAwait(false);
                    if (committed is null)
                    {
                        if (attempt >= MaxConflicts)
                        {
                            throw new InvalidOperationException($"Case {envelope.CaseId} kept changing under {MaxConflicts} attempts.");
                        }

                        RuntimeLog.Conflict(logger, envelope.CaseId, envelope.Type, attempt);
                        continue;
                    }

                    outbox = committed;
                    settled = [];
                }
            }

            await dispatcher.DispatchAsync(envelope.CaseId, outbox, settled, lease, cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    private Decided? Decide(InboxEnvelope envelope, LoadedCase loaded)
    {
        var now = clock.GetUtcNow();
        var command = CommandCodec.Decode(envelope, now);
        var policy = PolicyFor(loaded.State, command);
        if (policy is null)
        {
            throw new InvalidOperationException($"Case {envelope.CaseId} names a policy this service does not know.");
        }

        var events = CaseDecider.Decide(loaded.State, command, policy);
        var after = events.Aggregate(loaded.State, CaseEvolution.Evolve);
        if (events.Count == 0 || after is null)
        {
            if (after is null && events.FirstOrDefault() is CommandRejected rejected)
            {
                RuntimeLog.UnknownCase(logger, envelope.Type, envelope.CaseId, rejected.Why);
            }
            else
            {
                RuntimeLog.NoOp(logger, envelope.Type, envelope.CaseId);
            }

            return null;
        }

        var outbox = CaseEffects.Derive(loaded.State, after, events)
            .Select(e => (e.Kind, JsonSerializer.Serialize(e, DomainJson.Options)))
            .ToList();
        if (Projections.For(loaded.State, after, events, policy, now) is { } projection)
        {
            outbox.Add((OutboxRow.ProjectionKind, JsonSerializer.Serialize(projection, DomainJson.Options)));
        }

        return new Decided(now, events, after, outbox);
    }

    private EscalationPolicy? PolicyFor(CaseState? state, CaseCommand command) => (state, command) switch
    {
        ({ } s, _) => policies.Find(s.PolicyId, s.PolicyVersion),
        (null, OpenCase open) => policies.Find(open.PolicyId, open.PolicyVersion),
        _ => policies.Latest("default"),
    };

    /// <summary>Below this, an early timer is awaited in-process rather than re-armed (queue visibility counts whole
    /// seconds, so re-arming could not be more precise than this).</summary>
    public static TimeSpan ShortWait { get; } = TimeSpan.FromSeconds(2);

    /// <summary>The real time until a timer envelope is due, or null when it is due now (or is no timer).</summary>
    public TimeSpan? RealTimeUntilDue(InboxEnvelope envelope) =>
        envelope.Due is { } due && clock.ToRealDelay(due - clock.GetUtcNow()) is var remaining && remaining > TimeSpan.Zero ? remaining : null;

    /// <summary>A timer that surfaces before it is due (visibility is capped and counted in whole seconds) is re-armed
    /// (the same message made invisible again), or, when under two real seconds remain, simply awaited here. Returns
    /// whether to process it now.</summary>
    private async Task<bool> WaitOrRearmAsync(InboxEnvelope envelope, MessageLease lease, CancellationToken cancellationToken)
    {
        if (envelope.Due is not { } due || RealTimeUntilDue(envelope) is not { } remaining)
        {
            return true;
        }

        if (remaining < ShortWait)
        {
            await Task.Delay(remaining, cancellationToken).ConfigureAwait(false);
            return true;
        }

        RuntimeLog.TimerRearmed(logger, envelope.Id, envelope.CaseId, due);
        Interlocked.Increment(ref _rearmedTimers);
        var delay = inbox.Capped(remaining);
        if (lease.CanCarry(inbox.QueueNameFor(envelope.CaseId), delay))
        {
            await lease.CarryAsync(envelope, delay, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await inbox.SendAsync(envelope, remaining, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task PoisonAsync(QueueClient queue, QueueMessage message, string? caseId, string why, CancellationToken cancellationToken)
    {
        RuntimeLog.Poisoned(logger, message.MessageId, caseId ?? "(unreadable)", message.DequeueCount);
        var poisoned = JsonSerializer.Serialize(new PoisonedMessage(message.MessageId, queue.Name, caseId, why, clock.GetUtcNow(), message.Body.ToString()), DomainJson.Options);
        await storage.Poison.SendMessageAsync(poisoned, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (caseId is not null)
        {
            await store.FlagAsync(caseId, $"message {message.MessageId} moved to the poison queue: {why}", cancellationToken).ConfigureAwait(false);
        }

        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
    }

    private sealed record Decided(DateTimeOffset Now, IReadOnlyList<CaseEvent> Events, CaseState After, List<(string Kind, string Json)> Outbox);
}

/// <summary>A message that kept failing, kept whole on the poison queue for an operator.</summary>
public sealed record PoisonedMessage(string MessageId, string Queue, string? CaseId, string Why, DateTimeOffset At, string Body);
