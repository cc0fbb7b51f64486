using Dunning.Domain;
using Microsoft.DurableTask;

namespace Dunning.Workflow;

internal sealed partial class CaseLoop
{
    /// <summary>Decides one command at the case's business time, commits the decision (settling
    /// <paramref name="settled"/>, the logged command it applies, in the same transaction) and carries out its effects.
    /// Returns false only when the commit failed past its retries: the caller keeps the command for later. Everything
    /// else counts as done: a stale timer, a command the stored case had applied already, a decision that threw (the
    /// case is flagged and the command settled with the failure, so it is not tried forever).</summary>
    private async Task<bool> ApplyAsync(CaseCommand command, SettledCommand? settled)
    {
        for (var attempt = 1; ; attempt++)
        {
            var before = _snapshot;
            var now = Now();
            var decided = command with { Now = now };
            var policy = PolicyFor(before?.State, decided);
            IReadOnlyList<CaseEvent> events;
            CaseState? after;
            try
            {
                if (policy is null)
                {
                    throw new InvalidOperationException($"This service does not know the case's policy ({before?.State.PolicyId} v{before?.State.PolicyVersion}).");
                }

                events = CaseDecider.Decide(before?.State, decided, policy);
                after = events.Aggregate(before?.State, CaseEvolution.Evolve);
            }
            catch (Exception ex)
            {
                WorkflowLog.DecisionFailed(_log, ex, _caseId, command.Type);
                if (command is FireTimer timer)
                {
                    // The same timer would fail the same way at once again: the case waits for a person instead.
                    _stuckTimer = timer.Token;
                }

                return await FlagAsync($"Deciding {command.Type} failed at {now:O}: {ex.Message}", settled);
            }

            if (after is null)
            {
                // Only an open can meet no case, and the decider refused it (it records why in the rejection).
                WorkflowLog.NoCase(_log, _caseId, command.Type, (events.FirstOrDefault() as CommandRejected)?.Why ?? "no events");
                return true;
            }

            if (events.Count == 0 && settled is null)
            {
                return true;
            }

            var effects = CaseEffects.Derive(before?.State, after, events).Where(e => e is not ArmTimer).ToList();
            var effectBase = before?.EffectSeq ?? 0;
            var request = new CommitRequest(_caseId, before?.State.Version ?? 0, before?.ETag, before?.State.Status, after, events,
                effectBase + effects.Count, before?.Flag, FlagChanged: false, settled, now);
            var result = await CommitAsync(request, command);
            switch (result?.Outcome)
            {
                case null:
                    return false;
                case CommitOutcome.Committed:
                    _snapshot = new CaseSnapshot(after, request.EffectSeq, request.Flag, result.ETag ?? before?.ETag ?? "");
                    WorkflowLog.Decided(_log, _caseId, command.Type, events.Count, after.Version);
                    await CarryOutAsync(effects, effectBase);
                    return true;
                case CommitOutcome.AlreadyApplied:
                    WorkflowLog.Adopted(_log, _caseId, command.Type, result.Outcome);
                    _snapshot = result.Current ?? _snapshot;
                    return true;
                default:
                    WorkflowLog.Adopted(_log, _caseId, command.Type, result.Outcome);
                    _snapshot = result.Current;
                    if (command is OpenCase)
                    {
                        // The case was opened already (a repeated open): the stored case is the answer.
                        return true;
                    }

                    if (attempt >= CaseWorkflow.MaxConflicts)
                    {
                        return await FlagAsync($"{command.Type} kept conflicting with the stored case ({attempt} times).", settled);
                    }

                    continue;
            }
        }
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
            snapshot.EffectSeq, reason, FlagChanged: reason != snapshot.Flag, settled is null ? null : settled with { Failure = reason }, Now());
        var result = await CommitAsync(request, null);
        if (result is null)
        {
            return false;
        }

        _snapshot = result.Outcome == CommitOutcome.Committed
            ? snapshot with { Flag = reason, ETag = result.ETag ?? snapshot.ETag }
            : result.Current ?? snapshot;
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
