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

    public async Task DispatchAsync(string caseId, IReadOnlyList<OutboxRow> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var done = new List<OutboxRow>(rows.Count);
        Exception? failure = null;
        foreach (var row in rows)
        {
            try
            {
                await DispatchOneAsync(caseId, row, cancellationToken).ConfigureAwait(false);
                done.Add(row);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                RuntimeLog.EffectFailed(logger, ex, caseId, row.Seq, row.Kind);
                failure ??= ex;
            }
        }

        if (done.Count > 0)
        {
            await store.DeleteOutboxAsync(caseId, done, cancellationToken).ConfigureAwait(false);
        }

        if (failure is not null)
        {
            throw new EffectDispatchException(caseId, failure);
        }
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
