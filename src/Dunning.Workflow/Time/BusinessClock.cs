namespace Dunning.Workflow;

/// <summary>How a case's workflow turns its replay-safe time into business time: business = <see cref="BusinessAnchor"/>
/// + (real - <see cref="RealAnchor"/>) x <see cref="Speed"/>. It travels in the orchestration's input (the orchestrator
/// reads no configuration), so every replay and every generation of a case sees the same timeline; the host's
/// <see cref="VirtualClock"/> maps time the same way, so the API and the workflow agree.</summary>
public sealed record BusinessClock(DateTime RealAnchor, DateTimeOffset BusinessAnchor, double Speed)
{
    /// <summary>Business time is real time.</summary>
    public static BusinessClock RealTime { get; } = new(DateTime.UnixEpoch, DateTimeOffset.UnixEpoch, 1);

    private bool IsIdentity => Speed == 1 && RealAnchor == BusinessAnchor.UtcDateTime;

    /// <summary>The business instant of a real (orchestration) instant.</summary>
    public DateTimeOffset ToBusiness(DateTime realUtc)
    {
        var real = DateTime.SpecifyKind(realUtc, DateTimeKind.Utc);
        return IsIdentity
            ? new DateTimeOffset(real)
            : BusinessAnchor + TimeSpan.FromTicks(checked((long)((real - RealAnchor).Ticks * Speed)));
    }

    /// <summary>The real (orchestration) instant at which a business instant is reached, rounded up so a timer never
    /// fires before its business instant.</summary>
    public DateTime ToReal(DateTimeOffset business) =>
        IsIdentity
            ? business.UtcDateTime
            : RealAnchor + TimeSpan.FromTicks(checked((long)Math.Ceiling((business - BusinessAnchor).Ticks / Speed)));
}
