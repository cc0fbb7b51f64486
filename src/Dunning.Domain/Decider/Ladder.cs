namespace Dunning.Domain;

/// <summary>Where a case stands on its ladder: the next step to take and when, under the debtor's track.
/// Step instants are local wall-clock times on local dates (anchor + offset), so DST never moves a step's hour.</summary>
public static class Ladder
{
    /// <summary>The next step to take (index and instant), or null when the ladder is done.</summary>
    public static (int Index, DateTimeOffset At)? NextStep(CaseState state, EscalationPolicy policy, TimeZoneInfo zone)
    {
        for (var i = state.NextStepIndex; i < policy.Steps.Count; i++)
        {
            if (SkipReason(state, policy, i) is null)
            {
                return (i, StepInstant(state, policy, i, zone));
            }
        }

        return null;
    }

    /// <summary>Why step <paramref name="index"/> will not run for this case under its track, or null when it will.</summary>
    public static string? SkipReason(CaseState state, EscalationPolicy policy, int index)
    {
        var track = policy.TrackFor(state.DebtorType);
        var name = policy.Steps[index].Name;
        var jump = track.JumpTo is { } jumpTo ? policy.IndexOf(jumpTo) : -1;
        if (index < jump)
        {
            return $"the {state.DebtorType} track goes straight to {track.JumpTo}";
        }

        return track.Skip.Contains(name) ? $"the {state.DebtorType} track skips it" : null;
    }

    public static int OffsetDays(CaseState state, EscalationPolicy policy, int index)
    {
        var step = policy.Steps[index];
        return policy.TrackFor(state.DebtorType).OffsetDays.TryGetValue(step.Name, out var offset) ? offset : step.OffsetDays;
    }

    public static DateOnly StepDate(CaseState state, EscalationPolicy policy, int index) =>
        state.LadderAnchor.AddDays(OffsetDays(state, policy, index));

    public static DateTimeOffset StepInstant(CaseState state, EscalationPolicy policy, int index, TimeZoneInfo zone) =>
        LocalCalendar.At(StepDate(state, policy, index), policy.Steps[index].At, zone);

    /// <summary>The instant a case next needs attention, or null when nothing is pending (closed, legal, disputed, or
    /// paused without an end).</summary>
    public static DateTimeOffset? NextWakeUp(CaseState state, EscalationPolicy policy, TimeZoneInfo zone, DateTimeOffset now)
    {
        switch (state.Status)
        {
            case CaseStatus.Closed or CaseStatus.HandedToLegal:
                return null;
            case CaseStatus.Paused:
                return state.Disputed ? null : state.PausedUntil;
        }

        DateTimeOffset? wake = null;
        foreach (var pending in state.PendingContacts)
        {
            wake = Earliest(wake, pending.NotBefore);
        }

        if (state.Promise is { } promise)
        {
            wake = Earliest(wake, promise.HoldUntil);
        }

        if (state.Plan is { } plan)
        {
            wake = Earliest(wake, InstallmentCheck(plan.Installments[plan.NextInstallment], policy, zone));
        }

        if (state.HoldUntil is { } hold)
        {
            wake = Earliest(wake, hold);
        }

        if (!state.IsHeld(now) && NextStep(state, policy, zone) is { } next)
        {
            wake = Earliest(wake, next.At);
        }

        return wake;
    }

    /// <summary>An installment counts as missed at the end of its due date plus the plan's grace days (local time).</summary>
    public static DateTimeOffset InstallmentCheck(Installment installment, EscalationPolicy policy, TimeZoneInfo zone) =>
        LocalCalendar.At(installment.DueDate.AddDays(policy.Plan.GraceDays + 1), TimeOnly.MinValue, zone);

    private static DateTimeOffset Earliest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c <= candidate ? c : candidate;
}
