namespace Dunning.Domain.Tests;

/// <summary>Runs a <see cref="CaseRun"/> the way the runtime would: at each point the next instant is the earlier of
/// the armed timer and the next scripted command (the timer wins a tie), a due timer fires with the token the case
/// expects, and every decision is evolved into the state the next one meets.</summary>
internal static class CaseRunDriver
{
    public const int MaxDecisions = 400;

    public static CaseRunResult Run(CaseRun run)
    {
        var policy = run.Policy.ToPolicy();
        var zone = RunZones.Get(run.Debtor.TimeZone);
        var context = new RunContext(policy, zone);
        var decisions = new List<RunDecision>();

        void Decide(CaseCommand command, bool stale)
        {
            var before = decisions.Count == 0 ? null : decisions[^1].After;
            var events = CaseDecider.Decide(before, command, policy);
            var after = before;
            foreach (var @event in events)
            {
                after = CaseEvolution.Evolve(after, @event);
                if (@event is TimerArmed armed)
                {
                    context.Tokens.Add(armed.Token);
                }
            }

            decisions.Add(new RunDecision(command, before, events, after
                ?? throw new InvalidOperationException($"The generated case did not open: {string.Join("; ", events)}\n{run}"), stale));
            context.State = after;
        }

        Decide(run.Opening(policy), stale: false);
        var next = 0;
        while (decisions.Count < MaxDecisions)
        {
            var timer = context.State.Timer;
            var scripted = next < run.Script.Count ? run.Script[next] : null;
            if (timer is null && scripted is null)
            {
                return new CaseRunResult(run, policy, zone, decisions, Truncated: false);
            }

            if (timer is not null && (scripted is null || timer.DueAt <= scripted.At))
            {
                Decide(new FireTimer(timer.DueAt, timer.Token), stale: false);
                continue;
            }

            next++;
            if (scripted!.Action.ToCommand(scripted.At, context) is { } command)
            {
                Decide(command, stale: command is FireTimer);
            }
        }

        return new CaseRunResult(run, policy, zone, decisions, Truncated: true);
    }
}
