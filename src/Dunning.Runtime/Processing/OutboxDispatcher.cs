using System.Text.Json;
using Dunning.Domain;
using Microsoft.Extensions.Logging;

namespace Dunning.Runtime;

/// <summary>Step 5 of processing: carries out every pending outbox row of a case in order (timers enqueued, read
/// models updated, effects handed to their handler with key case id + outbox sequence), then deletes the rows that
/// succeeded in one transaction. A row that fails stays for the message's redelivery.</summary>
public sealed class OutboxDispatcher(
    CaseStore store,
    CaseInbox inbox,
    ReadModelStore readModels,
    IEnumerable<IEffectHandler> handlers,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    // The capture sink takes only what no channel claims, whatever order the handlers were registered in.
    private readonly IReadOnlyList<IEffectHandler> _handlers = handlers.OrderBy(h => h is CapturingEffectHandler ? 1 : 0).ToList();

    public Task DispatchAsync(string caseId, IReadOnlyList<OutboxRow> rows, CancellationToken cancellationToken = default) =>
        DispatchAsync(caseId, rows, settled: [], carrier: null, cancellationToken);

    /// <summary>As above, with two savings. The case's next timer rides on <paramref name="carrier"/> (the message being
    /// processed, rewritten in place) when it can, once every other row has gone out, so a step costs no separate send
    /// and delete. And then the rows just carried out, with <paramref name="settled"/> (rows known carried out earlier),
    /// are not deleted here: the timer says so in its envelope, and the commit it makes deletes them in its own
    /// transaction. When no timer is carried, they are deleted here as usual.</summary>
    internal async Task DispatchAsync(string caseId, IReadOnlyList<OutboxRow> rows, IReadOnlyList<OutboxRow> settled, MessageLease? carrier,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            if (settled.Count > 0)
            {
                await store.DeleteOutboxAsync(caseId, settled, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var carried = carrier is null ? null : rows.LastOrDefault(r => r.Kind == nameof(ArmTimer));
        var done = new List<OutboxRow>(rows.Count);
        Exception? failure = null;
        foreach (var row in rows)
        {
            if (row == carried)
            {
                continue;
            }

            if (await TryAsync(caseId, row, () => DispatchOneAsync(caseId, row, cancellationToken)).ConfigureAwait(false) is { } error)
            {
                failure ??= error;
            }
            else
            {
                done.Add(row);
            }
        }

        var inPlace = false;
        if (carried is not null)
        {
            // After a failure the message must come back soon for the failed rows, so it cannot wait as the timer.
            var through = Math.Max(rows.Max(r => r.Seq), settled.Count == 0 ? 0 : settled.Max(r => r.Seq));
            Func<Task> dispatch = failure is null
                ? async () => inPlace = await CarryTimerAsync(caseId, carried, through, carrier!, cancellationToken).ConfigureAwait(false)
                : () => DispatchOneAsync(caseId, carried, cancellationToken);
            if (await TryAsync(caseId, carried, dispatch).ConfigureAwait(false) is { } error)
            {
                failure ??= error;
            }
            else
            {
                done.Add(carried);
            }
        }

        if (!inPlace && done.Count + settled.Count > 0)
        {
            await store.DeleteOutboxAsync(caseId, [.. settled, .. done], cancellationToken).ConfigureAwait(false);
        }

        if (failure is not null)
        {
            throw new EffectDispatchException(caseId, failure);
        }
    }

    private async Task<Exception?> TryAsync(string caseId, OutboxRow row, Func<Task> dispatch)
    {
        try
        {
            await dispatch().ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RuntimeLog.EffectFailed(logger, ex, caseId, row.Seq, row.Kind);
            return ex;
        }
    }

    /// <summary>Arms the timer on the carrier when it can (returns true), else sends it.</summary>
    private async Task<bool> CarryTimerAsync(string caseId, OutboxRow row, long dispatchedThrough, MessageLease carrier, CancellationToken cancellationToken)
    {
        var timer = (ArmTimer)JsonSerializer.Deserialize<CaseEffect>(row.Json, DomainJson.Options)!;
        var (envelope, delay) = inbox.Timer(caseId, timer.Token, timer.DueAt);
        if (!carrier.CanCarry(inbox.QueueNameFor(caseId), delay))
        {
            await inbox.SendAsync(envelope, delay, cancellationToken).ConfigureAwait(false);
            return false;
        }

        await carrier.CarryAsync(envelope with { DispatchedThrough = dispatchedThrough }, delay, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task DispatchOneAsync(string caseId, OutboxRow row, CancellationToken cancellationToken)
    {
        if (row.Kind == OutboxRow.ProjectionKind)
        {
            var projection = JsonSerializer.Deserialize<CaseProjection>(row.Json, DomainJson.Options)!;
            await readModels.ApplyAsync(projection, cancellationToken).ConfigureAwait(false);
            return;
        }

        var effect = JsonSerializer.Deserialize<CaseEffect>(row.Json, DomainJson.Options)!;
        if (effect is ArmTimer timer)
        {
            await inbox.ArmTimerAsync(caseId, timer.Token, timer.DueAt, cancellationToken).ConfigureAwait(false);
            return;
        }

        var handler = _handlers.FirstOrDefault(h => h.CanHandle(effect))
            ?? throw new InvalidOperationException($"No effect handler for {effect.Kind}.");
        var context = new EffectContext(caseId, row.Seq, effect, clock.GetUtcNow());
        var outcome = await handler.HandleAsync(context, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < outcome.FollowUps.Count; i++)
        {
            // Deterministic ids: a re-dispatch after a crash re-sends the same follow-up, which applies once.
            await inbox.SendAsync(caseId, outcome.FollowUps[i], $"{context.IdempotencyKey}-r{i}", cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Some effects of a case failed; the rest were dispatched and the message will come back for the others.</summary>
public sealed class EffectDispatchException(string caseId, Exception inner)
    : Exception($"Dispatch of case {caseId}'s outbox failed: {inner.Message}", inner);
