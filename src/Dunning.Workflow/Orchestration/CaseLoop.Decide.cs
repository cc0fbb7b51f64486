using Dunning.Domain;
using Microsoft.DurableTask;

namespace Dunning.Workflow;

internal sealed partial class CaseLoop
{
    /// <summary>Rows one commit may write: an entity-group transaction holds 100; the rest is headroom.</summary>
    private const int RowBudget = 90;

    /// <summary>One command to decide, the logged command row it settles (none for a timer or a follow-up), and the trace
    /// it was recorded in.</summary>
    private readonly record struct Work(CaseCommand Command, SettledCommand? Settled, string? TraceParent = null);

    private async Task<bool> ApplyAsync(CaseCommand command, SettledCommand? settled) => await ApplyAsync([new Work(command, settled)]) > 0;

    /// <summary>Decides commands in order at the case's business time, as many as one transaction can commit (a burst of
    /// payments costs one commit, not one each), commits them (settling their logged rows in the same transaction) and
    /// carries out their effects in order. Returns how many commands it consumed: at least one, or none when the commit
    /// failed past its retries (the caller keeps them for later). A stale timer consumes without a commit; a command the
    /// decider throws on flags the case and is settled with the failure, so it is not tried forever.</summary>
    /// <remarks>The engine sends an episode's activity messages before it saves the episode, so a host that dies in
    /// between leaves this very work decided and committed at an instant this execution never saw (its replay-safe time is
    /// the new episode's), and both commits' results on their way, either of which may answer this one. Told of a stored
    /// decision (a result whose decision instant is not this one's, or the case stored past this decision's base), the
    /// work is decided again at that decision's instant: the decider is pure, so if it was this step's, that is the stored
    /// decision, which is then taken as this one's and its effects carried out under their keys. Only when that does not
    /// give the stored case is it someone else's change, adopted as before.</remarks>
    private async Task<int> ApplyAsync(IReadOnlyList<Work> work)
    {
        DateTimeOffset? pinned = null;
        var pinnedOnce = false;
        for (var conflicts = 0; ;)
        {
            var before = _snapshot;
            var state = before?.State;
            var now = pinned ?? Now();
            var events = new List<CaseEvent>();
            var effects = new List<CaseEffect>();
            var settled = new List<SettledCommand>();
            var consumed = 0;
            foreach (var (command, row, _) in work)
            {
                var decided = command with { Now = now };
                IReadOnlyList<CaseEvent> decision;
                CaseState? after;
                try
                {
                    var policy = PolicyFor(state, decided)
                        ?? throw new InvalidOperationException($"This service does not know the case's policy ({state?.PolicyId} v{state?.PolicyVersion}).");
                    decision = CaseDecider.Decide(state, decided, policy);
                    after = decision.Aggregate(state, CaseEvolution.Evolve);
                }
                catch (Exception ex) when (consumed == 0)
                {
                    WorkflowLog.DecisionFailed(_log, ex, _caseId, command.Type);
                    if (command is FireTimer timer)
                    {
                        // The same timer would fail the same way at once again: the case waits for a person instead.
                        _stuckTimer = timer.Token;
                    }

                    return await FlagAsync($"Deciding {command.Type} failed at {now:O}: {ex.Message}", row) ? 1 : 0;
                }
                catch (Exception)
                {
                    // Commit what was decided before it; this command comes first in the next round and is flagged then.
                    break;
                }

                if (consumed > 0 && RowsOf(events, settled) + decision.Count + 1 > RowBudget)
                {
                    break;
                }

                consumed++;
                if (after is null)
                {
                    // Only an open meets no case, and the decider refused it (its rejection says why).
                    WorkflowLog.NoCase(_log, _caseId, command.Type, (decision.FirstOrDefault() as CommandRejected)?.Why ?? "no events");
                    continue;
                }

                effects.AddRange(CaseEffects.Derive(state, after, decision).Where(e => e is not ArmTimer));
                events.AddRange(decision);
                if (row is not null)
                {
                    settled.Add(row);
                }

                state = after;
                WorkflowLog.Decided(_log, _caseId, command.Type, decision.Count, after.Version);
            }

            if (state is null || events.Count == 0 && settled.Count == 0)
            {
                return consumed;
            }

            var effectBase = before?.EffectSeq ?? 0;
            // The decision continues the trace of the first command in it that came with one (a burst is one decision).
            var trace = work.Take(consumed).Select(w => w.TraceParent).FirstOrDefault(t => t is not null);
            var request = new CommitRequest(_caseId, before?.State.Version ?? 0, before?.ETag, before?.State.Status, state, events,
                effectBase + effects.Count, before?.Flag, FlagChanged: false, settled, now, trace, StateInLegacyRow: before?.InLegacyRow ?? false);
            var result = await CommitAsync(request, work[0].Command);
            if (!pinnedOnce && DecidedElsewhere(result, before, now) is { } instant)
            {
                WorkflowLog.DecidedElsewhere(_log, _caseId, work[0].Command.Type, instant, now);
                (pinned, pinnedOnce) = (instant, true);
                _floor = instant > _floor ? instant : _floor;
                continue;
            }

            // Pinned once at most: a decision at that instant still unlike the stored case was someone else's change, and
            // any further attempt decides at the case's time.
            pinned = null;

            switch (result?.Outcome)
            {
                case null:
                    return 0;
                case CommitOutcome.Committed:
                    _snapshot = new CaseSnapshot(state, request.EffectSeq, request.Flag, result.ETag ?? before?.ETag ?? "", now,
                        InLegacyRow: request.StateInLegacyRow && !request.WritesState);
                    await CarryOutAsync(effects, effectBase, trace);
                    return consumed;
                case CommitOutcome.AlreadyApplied:
                    WorkflowLog.Adopted(_log, _caseId, work[0].Command.Type, result.Outcome);
                    await AdoptAsync(before, result);
                    return consumed;
                default:
                    WorkflowLog.Adopted(_log, _caseId, work[0].Command.Type, result.Outcome);
                    await AdoptAsync(before, result);
                    if (work[0].Command is OpenCase)
                    {
                        // The case was opened already (a repeated open): the stored case is the answer.
                        return 1;
                    }

                    if (++conflicts >= CaseWorkflow.MaxConflicts)
                    {
                        return await FlagAsync($"{work[0].Command.Type} kept conflicting with the stored case ({conflicts} times).", work[0].Settled) ? 1 : 0;
                    }

                    continue;
            }
        }
    }

    private static int RowsOf(List<CaseEvent> events, List<SettledCommand> settled) => 1 + events.Count + settled.Count;

    /// <summary>The instant the stored decision of this step may have been made at by another execution of it, when the
    /// commit says so: its result names another decision instant (the result of a lost episode's commit, matched to this
    /// one's by task number), or the case is stored past the version this decision started from. The stored decision may
    /// then be this very one: the lost episode's commit ran second and its conflict is the result that arrived, while
    /// this one's commit went in; adopted as someone else's change, its effects would be lost.</summary>
    private static DateTimeOffset? DecidedElsewhere(CommitResult? result, CaseSnapshot? before, DateTimeOffset now) => result switch
    {
        { Outcome: CommitOutcome.Committed, DecidedAt: { } at } when at != now => at,
        { Outcome: CommitOutcome.Conflict or CommitOutcome.AlreadyApplied, Current: { DecidedAt: { } at } current }
            when current.State.Version > (before?.State.Version ?? 0) => at,
        _ => null,
    };

    /// <summary>Takes the case as stored, and carries out the effects of the decisions committed since
    /// <paramref name="before"/> that this execution did not make: another execution of this workflow made them and was
    /// lost before carrying them out (a host killed after a commit, an episode replaced). The effects are derived again,
    /// decision by decision, exactly as their commit numbered them, so their keys are the ones already used if the lost
    /// execution did get to some of them, and the channels answer those without sending.</summary>
    private async Task AdoptAsync(CaseSnapshot? before, CommitResult result)
    {
        _snapshot = result.Current ?? _snapshot;
        if (result.Current is not { } current || result.Missed is not { Count: > 0 } missed)
        {
            return;
        }

        var state = before?.State;
        var effects = new List<CaseEffect>();
        foreach (var events in missed)
        {
            var after = events.Aggregate(state, CaseEvolution.Evolve);
            effects.AddRange(CaseEffects.Derive(state, after, events).Where(e => e is not ArmTimer));
            state = after;
        }

        var effectBase = before?.EffectSeq ?? 0;
        if (effectBase + effects.Count != current.EffectSeq)
        {
            await FlagAsync($"The effects numbered {effectBase + 1} to {current.EffectSeq} were committed by a lost execution and could not be derived again.", null);
            return;
        }

        await CarryOutAsync(effects, effectBase);
    }

    /// <summary>Decides the timer the case is waiting for. It fired, so its instant has come even when the backend's
    /// clock reads a little earlier (timers can fire up to a second early): the decision is made at the later of both.</summary>
    private async Task FireTimerAsync()
    {
        var timer = Snapshot.State.Timer!;
        if (_floor < timer.DueAt)
        {
            _floor = timer.DueAt;
        }

        var fire = new FireTimer(timer.DueAt, timer.Token);
        if (!await ApplyAsync(fire, settled: null))
        {
            _backlog.Add(fire);
        }
    }

    /// <summary>Flags the case for an operator (state row and list), settling <paramref name="settled"/> with the failure.</summary>
    private async Task<bool> FlagAsync(string reason, SettledCommand? settled)
    {
        if (_snapshot is not { } snapshot)
        {
            return true;
        }

        var request = new CommitRequest(_caseId, snapshot.State.Version, snapshot.ETag, snapshot.State.Status, snapshot.State, [],
            snapshot.EffectSeq, reason, FlagChanged: reason != snapshot.Flag, settled is null ? [] : [settled with { Failure = reason }], Now(),
            StateInLegacyRow: snapshot.InLegacyRow);
        var result = await CommitAsync(request, null);
        if (result is null)
        {
            return false;
        }

        if (result.Outcome == CommitOutcome.Committed)
        {
            _snapshot = snapshot with { Flag = reason, ETag = result.ETag ?? snapshot.ETag, InLegacyRow = snapshot.InLegacyRow && !request.WritesState };
        }
        else
        {
            await AdoptAsync(snapshot, result);
        }

        return true;
    }

    /// <summary>Calls <c>CommitDecision</c>; null when it failed past its retries (the caller keeps the work).</summary>
    private async Task<CommitResult?> CommitAsync(CommitRequest request, CaseCommand? command)
    {
        try
        {
            return await CallAsync<CommitResult>(nameof(CommitDecision), request);
        }
        catch (TaskFailedException ex)
        {
            WorkflowLog.CommitFailed(_log, ex, _caseId, command?.Type ?? "flag");
            _retryDue = true;
            return null;
        }
    }

    private EscalationPolicy? PolicyFor(CaseState? state, CaseCommand command) => (state, command) switch
    {
        ({ } s, _) => _policies.Find(s.PolicyId, s.PolicyVersion),
        (null, OpenCase open) => _policies.Find(open.PolicyId, open.PolicyVersion),
        _ => null,
    };
}
