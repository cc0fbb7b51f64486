namespace Dunning.Workflow;

/// <summary>The virtual clock, bound from <c>Dunning:Clock</c>: <see cref="Speed"/> times real time from
/// <see cref="Start"/> (virtual) at <see cref="Epoch"/> (real; the process start when absent).</summary>
public sealed class ClockOptions
{
    public const string Section = "Dunning:Clock";

    public double Speed { get; set; } = 1;

    public DateTimeOffset? Start { get; set; }

    /// <summary>The real instant that maps to <see cref="Start"/>; give it to several processes so they share one clock.</summary>
    public DateTimeOffset? Epoch { get; set; }
}
