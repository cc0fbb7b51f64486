namespace Dunning.Bench;

/// <summary>Everything one run measured; written as bench/results/latest.json and printed as a table.</summary>
public sealed record BenchResult(
    MachineInfo Machine,
    CeilingFigures Ceiling,
    ThroughputFigures Throughput,
    CostFigures Cost,
    TimerFigures Timers,
    IReadOnlyList<ScalePoint> Scale,
    IdleFigures Idle,
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
    double TotalSeconds);

/// <summary>Raw Azurite capacity for one case event's minimal requests (see <see cref="CeilingProbe"/>): events per second
/// over the whole window, and per second Azurite was answering (not frozen in a sweep).</summary>
public sealed record CeilingFigures(
    int Concurrency,
    double Seconds,
    double StalledSeconds,
    long Events,
    double EventsPerSecond,
    double ActiveEventsPerSecond,
    double RequestsPerSecond,
    double ClientCpuMsPerEvent,
    double AzuriteCpuMsPerEvent);

public sealed record ThroughputFigures(
    double Speed,
    int CaseLimit,
    int WarmupSeconds,
    int WindowSeconds,
    long Events,
    double StalledSeconds,
    double EventsPerSecond,
    double ActiveEventsPerSecond,
    double RatioToCeiling,
    double ActiveRatioToCeiling,
    long OpensInWindow,
    long TimerAndOtherEventsInWindow,
    int CasesOpened,
    long CasesHandedToLegal,
    long EffectsSent,
    int RepeatedKeys,
    double RuntimeCpuMsPerEvent,
    double AzuriteCpuMsPerEvent,
    long Warnings,
    IReadOnlyList<string> FirstWarnings);

public sealed record CostFigures(double RequestsPerEvent, IReadOnlyDictionary<string, double> PerEventByOperation, IReadOnlyDictionary<string, long> Requests);

/// <summary>Lateness of timer firings in real seconds: (StepReached.At - ScheduledFor) / clock speed.</summary>
public sealed record TimerFigures(
    double Speed,
    int Cases,
    int Firings,
    double P50,
    double P95,
    double P99,
    double Max,
    double P99OutsideStalls,
    double EventsPerSecond,
    double Seconds,
    int CasesFinished,
    int AzuriteStalls,
    double AzuriteStalledSeconds,
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

public sealed record IdleFigures(int QueueCount, double Seconds, long Requests, double RequestsPerMinutePerQueue, IReadOnlyDictionary<string, long> ByOperation);

/// <summary>A target beside its figure; <see cref="Pass"/> is null when the figure was not measured.</summary>
public sealed record TargetCheck(string Name, string Target, string Figure, bool? Pass);
