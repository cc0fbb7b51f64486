namespace Dunning.Channels.Hosting;

/// <summary>Settings of the channels this project owns (work items, notices, templates), bound from <c>Dunning:Channels</c>.</summary>
public sealed class ChannelOptions
{
    public const string Section = "Dunning:Channels";

    /// <summary>Whether this process runs the visit monitor in the background (the Function App runs it from a timer
    /// trigger instead; every host may run it: its alerts are recorded once).</summary>
    public bool RunVisitMonitor { get; set; } = true;

    /// <summary>How long (virtual time) after its scheduled day a field visit may stay unreported before a supervisor
    /// alert is raised on the case.</summary>
    public TimeSpan VisitReportWithin { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often (real time) the visit monitor looks at the scheduled visits.</summary>
    public TimeSpan VisitMonitorInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The locale used when a debtor's locale has no templates (neither exactly nor by language).</summary>
    public string DefaultLocale { get; set; } = "en-US";

    /// <summary>The locale of the internal supervisor report; the debtor's locale when not set.</summary>
    public string? SupervisorLocale { get; set; }
}
