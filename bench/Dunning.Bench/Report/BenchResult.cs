namespace Dunning.Bench;

/// <summary>Everything one run measured; written as bench/results/latest.json and printed as a table. <see cref="NotMeasured"/>
/// names the old engine's figures this run does not take, until the benchmark issue retargets them.</summary>
public sealed record BenchResult(
    MachineInfo Machine,
    TimerFigures Timers,
    IReadOnlyList<ScalePoint> Scale,
    IdleFigures Idle,
    IReadOnlyList<string> NotMeasured,
    IReadOnlyList<TargetCheck> Targets);

/// <summary>Where and when the figures were taken; the load average shows whether the machine was busy.</summary>
public sealed record MachineInfo(
    string Date,
    string Command,
    int Cores,
    string LoadBefore,
    string LoadAfter,
    string Os,
    string Dotnet,
    string Azurite,
    string Engine,
    double TotalSeconds);

/// <summary>Lateness of timer firings in real seconds, (StepReached.At - ScheduledFor) / clock speed, on the Durable
/// engine, with what the run cost: history events written, effects, CPU per history event of the host (this process)
/// and of Azurite, the engine's polling ceiling, and the host's warnings.</summary>
public sealed record TimerFigures(
    double Speed,
    int Cases,
    int Firings,
    double P50,
    double P95,
    double P99,
    double Max,
    double P99OutsideStalls,
    int HistoryEvents,
    double EventsPerSecond,
    double Seconds,
    int CasesFinished,
    int Effects,
    int RepeatedKeys,
    int AzuriteStalls,
    double AzuriteStalledSeconds,
    double HostCpuMsPerEvent,
    double AzuriteCpuMsPerEvent,
    double PollingMs,
    long Warnings,
    IReadOnlyList<string> FirstWarnings,
    IReadOnlyList<string> Latest);

/// <summary>The service at one size: its peak working set and the time to the first page of active cases, and, timed
/// in-process, the two parts of that page: the case-index query alone and one case's state read.</summary>
public sealed record ScalePoint(
    int Cases,
    string Service,
    double SeedSeconds,
    int OpenedByService,
    double OpenSeconds,
    double PeakWorkingSetMb,
    double FirstPageMs,
    double FirstPageMedianMs,
    int PageItems,
    double IndexQueryMs,
    double StateReadMs);

/// <summary>Every storage request of an idle host (the engine's and Dunning's), per minute and per queue it polls.</summary>
public sealed record IdleFigures(
    int QueueCount,
    double Seconds,
    long Requests,
    double RequestsPerMinute,
    double RequestsPerMinutePerQueue,
    double PollingCeilingSeconds,
    IReadOnlyDictionary<string, long> ByOperation);

/// <summary>A target beside its figure; <see cref="Pass"/> is null when the figure was not measured.</summary>
public sealed record TargetCheck(string Name, string Target, string Figure, bool? Pass);
