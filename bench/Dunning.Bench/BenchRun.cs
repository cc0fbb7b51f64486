using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dunning.Runtime;
using Dunning.Runtime.LocalEmulator;
using Spectre.Console;

namespace Dunning.Bench;

/// <summary>One benchmark run, each part on an Azurite of its own: the ceiling; throughput and cost; timer accuracy with
/// the idle cost beside it, then the scale phase; then the table and latest.json.</summary>
public static class BenchRun
{
    private static readonly DateTimeOffset ThroughputStart = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TimerStart = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(BenchOptions options, string[] args)
    {
        var root = RepoRoot();
        var started = TimeProvider.System.GetTimestamp();
        var loadBefore = LoadAverage();
        void Progress(string text) =>
            AnsiConsole.MarkupLineInterpolated($"[grey]{TimeProvider.System.GetElapsedTime(started).TotalSeconds,5:F0}s[/] {text}");

        Progress($"load average {loadBefore}; starting Azurite");
        var tools = AzuriteLauncher.FindToolDirectory(root);
        var (warmup, window) = (TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.Seconds));

        // Ceiling and throughput each get a fresh Azurite and the same warm-up and window, so each meets the same
        // Azurite: as empty at the start, as full at the end, freezing as long for what it has sent (see AzuriteStallMonitor).
        CeilingFigures ceiling;
        await using (var azurite = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions(tools)))
        await using (var stalls = new AzuriteStallMonitor(azurite.BlobPort))
        {
            Progress($"ceiling: {options.Concurrency} in parallel, {options.WarmupSeconds} s warm-up, {options.Seconds} s window");
            ceiling = await CeilingProbe.MeasureAsync(azurite.ConnectionString, options.Concurrency, warmup, window, stalls, new CpuMeter(azurite.ProcessId));
            Progress($"ceiling: {ceiling.EventsPerSecond} events/s (Azurite stalled {ceiling.StalledSeconds} s); starting Azurite");
        }

        ThroughputRun run;
        await using (var azurite = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions(tools)))
        await using (var stalls = new AzuriteStallMonitor(azurite.BlobPort))
        await using (var worker = await RuntimeWorker.CreateAsync(azurite.ConnectionString, ThroughputPhase.Prefix,
            new ClockOptions { Speed = options.Speed, Start = ThroughputStart }))
        {
            Progress($"throughput: up to {options.Cases:N0} cases at x{options.Speed}");
            run = await ThroughputPhase.RunAsync(worker, options, stalls, new CpuMeter(azurite.ProcessId), Progress);
            Progress($"throughput: {run.Events:N0} events in {run.Seconds:F0} s (Azurite stalled {run.StalledSeconds:F1} s)");
        }

        // A fresh Azurite again: the throughput phase's tables, queues and unswept message bodies would weigh on every request.
        await using var fresh = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions(tools));
        TimerFigures timers;
        IdleFigures idle;
        await using (var stalls = new AzuriteStallMonitor(fresh.BlobPort))
        await using (var timerWorker = await RuntimeWorker.CreateAsync(fresh.ConnectionString, TimerAccuracyPhase.Prefix,
            new ClockOptions { Speed = options.TimerSpeed, Start = TimerStart }))
        await using (var idleWorker = await RuntimeWorker.CreateAsync(fresh.ConnectionString, IdleCostProbe.Prefix, new ClockOptions()))
        {
            Progress($"timer accuracy: {options.TimerCases} cases at x{options.TimerSpeed}; idle cost beside it");
            var idleTask = IdleCostProbe.RunAsync(idleWorker, TimeSpan.FromSeconds(options.IdleSeconds));
            timers = await TimerAccuracyPhase.RunAsync(timerWorker, options.TimerCases, stalls);
            idle = await idleTask;
            Progress($"timer lateness p99 {timers.P99} s over {timers.Firings} firings; idle {idle.RequestsPerMinutePerQueue} requests/min/queue");
        }

        var scale = new List<ScalePoint>();
        if (options.ScaleSizes.Count > 0)
        {
            var api = options.NoApi ? null : options.ApiPath ?? FindApi(root);
            Progress(api is null ? "scale: no built Dunning.Api found; using the runtime-only stand-in service" : $"scale: service {api}");
            scale.AddRange(await ScalePhase.RunAsync(fresh.ConnectionString, options, root, api, Progress));
        }

        var result = Compose(options, args, loadBefore, ceiling, run, timers, scale, idle, tools,
            TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        ReportTable.Print(result);
        var output = options.Output ?? Path.Combine(root, "bench", "results", "latest.json");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result, JsonOptions));
        AnsiConsole.MarkupLineInterpolated($"written to {output}");
        return 0;
    }

    private static BenchResult Compose(BenchOptions options, string[] args, string loadBefore, CeilingFigures ceiling, ThroughputRun run,
        TimerFigures timers, IReadOnlyList<ScalePoint> scale, IdleFigures idle, string tools, double totalSeconds)
    {
        var eventsPerSecond = run.Events / run.Seconds;
        var active = run.Events / Math.Max(1, run.Seconds - run.StalledSeconds);
        var throughput = new ThroughputFigures(options.Speed, options.Cases, options.WarmupSeconds, options.Seconds, run.Events, Math.Round(run.StalledSeconds, 1),
            Math.Round(eventsPerSecond, 1), Math.Round(active, 1), Math.Round(eventsPerSecond / ceiling.EventsPerSecond, 3),
            Math.Round(active / ceiling.ActiveEventsPerSecond, 3), run.OpensInWindow, run.Events - run.OpensInWindow,
            run.CasesOpened, run.CasesHandedToLegal, run.EffectsSent, run.RepeatedKeys, run.RuntimeCpuMsPerEvent, run.AzuriteCpuMsPerEvent,
            run.Warnings, run.FirstWarnings);
        var perEvent = run.Requests.Where(r => r.Value > 0)
            .ToDictionary(r => r.Key, r => Math.Round(r.Value / (double)Math.Max(1, run.Events), 2), StringComparer.Ordinal);
        var cost = new CostFigures(Math.Round(run.Requests.Values.Sum() / (double)Math.Max(1, run.Events), 2), perEvent, run.Requests);
        var machine = new MachineInfo(DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture),
            "dotnet run -c Release --project bench/Dunning.Bench --" + (args.Length == 0 ? "" : " " + string.Join(' ', args)),
            Environment.ProcessorCount, loadBefore, LoadAverage(), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
            AzuriteVersion(tools), Math.Round(totalSeconds, 1));
        return new BenchResult(machine, ceiling, throughput, cost, timers, scale, idle, TargetChecks.For(throughput, cost, timers, scale, idle));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            try
            {
                return Path.GetFullPath(Path.Combine(AzuriteLauncher.FindToolDirectory(start), "..", ".."));
            }
            catch (DirectoryNotFoundException)
            {
            }
        }

        throw new DirectoryNotFoundException("Run the benchmark from inside the repository (it needs tools/azurite).");
    }

    private static string? FindApi(string root) =>
        new[] { "Release", "Debug" }.Select(c => Path.Combine(root, "src", "Dunning.Api", "bin", c, "net10.0", "Dunning.Api.dll")).FirstOrDefault(File.Exists);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string AzuriteVersion(string tools)
    {
        try
        {
            using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(tools, "node_modules", "azurite", "package.json")));
            return package.RootElement.GetProperty("version").GetString() ?? "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
