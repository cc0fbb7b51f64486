using Dunning.Domain;

namespace Dunning.Cli;

/// <summary>Drives the pure decider on a virtual clock with no storage: it opens the case, then repeatedly jumps to
/// the earlier of the armed timer and the next scripted input, decides, evolves and collects the events. Same script
/// and policy, same events: nothing here reads a clock.</summary>
public static class PolicySimulation
{
    /// <summary>A decision budget far above any real ladder (tens of decisions); reaching it means a timer kept
    /// re-arming for the same instant, and the run stops instead of hanging.</summary>
    public const int MaxDecisions = 10_000;

    private const string AccountId = "SIM-ACCOUNT";
    private const string InvoiceId = "SIM-INVOICE";

    /// <summary>Who opens a simulated case.</summary>
    public static Actor Opener { get; } = new("dunning-cli", ActorKind.Operator);

    /// <summary>The local date a case opens on when the script names none: ten days before the due date, or earlier
    /// when the policy's first step comes sooner, so the run starts before any step.</summary>
    public static DateOnly DefaultOpenDate(DateOnly dueDate, EscalationPolicy policy)
    {
        var firstOffset = policy.Steps.Select(step => step.OffsetDays).DefaultIfEmpty(0).Min();
        return dueDate.AddDays(Math.Min(-10, firstOffset - 1));
    }

    public static DateTimeOffset OpenInstant(SimulationScript script, EscalationPolicy policy, TimeZoneInfo zone) =>
        LocalCalendar.At(script.OpenDate ?? DefaultOpenDate(script.DueDate, policy), SimulationScript.OpenTime, zone);

    /// <summary>The first instant the run no longer looks at: midnight ending the local day due date + days.</summary>
    public static DateTimeOffset Horizon(SimulationScript script, TimeZoneInfo zone) =>
        LocalCalendar.At(script.DueDate.AddDays(script.DaysAfterDue + 1), TimeOnly.MinValue, zone);

    /// <summary>What makes a script impossible to run: an unknown zone, a run that ends before it starts, or an
    /// input dated before the case opens (time would run backwards). Empty when the script can run.</summary>
    public static IReadOnlyList<string> Problems(SimulationScript script, EscalationPolicy policy)
    {
        if (!LocalCalendar.TryFindZone(script.Debtor.TimeZone, out var zone))
        {
            return [$"unknown time zone '{script.Debtor.TimeZone}' (use an IANA id such as Asia/Shanghai)"];
        }

        var problems = new List<string>();
        var open = OpenInstant(script, policy, zone);
        if (script.DaysAfterDue < 0)
        {
            problems.Add($"the number of days after the due date must not be negative (got {script.DaysAfterDue})");
        }
        else if (open >= Horizon(script, zone))
        {
            problems.Add($"the case opens at {Format(open, zone)}, after the simulated period ends "
                + $"({script.DaysAfterDue} days after {script.DueDate:yyyy-MM-dd})");
        }

        foreach (var input in script.Inputs.Where(input => input.InstantIn(zone) < open))
        {
            problems.Add($"{input.Option} happens at {Format(input.InstantIn(zone), zone)}, before the case opens at "
                + $"{Format(open, zone)}; move it or open earlier with --open");
        }

        return problems;
    }

    /// <exception cref="ArgumentException">The script has <see cref="Problems"/>.</exception>
    public static SimulationResult Run(SimulationScript script, EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(policy);
        if (Problems(script, policy) is [var first, ..])
        {
            throw new ArgumentException($"The script cannot run: {first}", nameof(script));
        }

        LocalCalendar.TryFindZone(script.Debtor.TimeZone, out var zone);
        var horizon = Horizon(script, zone);
        var events = new List<CaseEvent>();
        CaseState? state = null;

        void Decide(CaseCommand command)
        {
            foreach (var @event in CaseDecider.Decide(state, command, policy))
            {
                events.Add(@event);
                state = CaseEvolution.Evolve(state, @event);
            }
        }

        Decide(new OpenCase(OpenInstant(script, policy, zone), AccountId, InvoiceId, script.Debtor, script.AmountDue,
            script.DueDate, policy.Id, policy.Version, Opener));
        if (state is null)
        {
            return new SimulationResult(events, null, zone, "the case could not be opened");
        }

        // Inputs in time order; on the same instant, in the order given. The index doubles as the input's number.
        var inputs = new Queue<(ScriptedInput Input, int Number, DateTimeOffset At)>(script.Inputs
            .Select((input, index) => (input, index + 1, input.InstantIn(zone)))
            .OrderBy(scripted => scripted.Item3)
            .ThenBy(scripted => scripted.Item2));

        for (var decisions = 1; decisions < MaxDecisions; decisions++)
        {
            var timer = state!.Timer;
            var hasInput = inputs.TryPeek(out var next);
            if (timer is null && !hasInput)
            {
                return new SimulationResult(events, state, zone, "no timer is armed and no scripted input is left");
            }

            // What was due happens first: a timer and an input at the same instant fire the timer, then the input.
            var timerFirst = timer is not null && (!hasInput || timer.DueAt <= next.At);
            var at = timerFirst ? timer!.DueAt : next.At;
            if (at >= horizon)
            {
                return new SimulationResult(events, state, zone,
                    $"reached the end of day {script.DueDate.AddDays(script.DaysAfterDue):yyyy-MM-dd}, {script.DaysAfterDue} days after the due date");
            }

            if (timerFirst)
            {
                Decide(new FireTimer(at, timer!.Token));
            }
            else
            {
                inputs.Dequeue();
                Decide(next.Input.ToCommand(at, zone, script.AmountDue.Currency, next.Number));
            }
        }

        return new SimulationResult(events, state, zone, $"stopped after {MaxDecisions} decisions: a timer kept firing without progress");
    }

    private static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimelineFormat.LocalMinute(LocalCalendar.ToLocal(instant, zone));
}
