using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dunning.Channels.Storage.LocalEmulator;
using Dunning.Workflow;
using Spectre.Console;

namespace Dunning.Bench;

/// <summary>One benchmark run on the Durable engine, on one fresh Azurite: timer accuracy with the idle cost of a host
/// beside it, then the service at scale; then the table and latest.json. The old engine's ceiling, throughput and cost
/// phases are not run until the benchmark issue retargets them (the table and the JSON say so).</summary>
public static class BenchRun
{
    /// <summary>The figures of the old engine not taken now, as the table and the JSON name them.</summary>
    public static readonly IReadOnlyList<string> NotMeasured =
    [
        "1 Ceiling (raw Azurite, the old engine's request set of one case event)",
        "2 Throughput through the whole ladder (events/s, ratio to the ceiling)",
        "3 Cost (storage requests per case event)",
    ];

    public static async Task<int> RunAsync(BenchOptions options, IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        var root = RepoRoot();
        var started = TimeProvider.System.GetTimestamp();
        var loadBefore = LoadAverage();
        void Progress(string text) =>
            AnsiConsole.MarkupLineInterpolated($"[grey]{TimeProvider.System.GetElapsedTime(started).TotalSeconds,5:F0}s[/] {text}");

        if (options.Ignored.Count > 0)
        {
            Progress($"note: {string.Join(", ", options.Ignored)} set the {BenchCommand.DroppedPhases} phases, which are not measured until the benchmark issue; ignored");
        }

        var api = options.NoApi || options.ScaleSizes.Count == 0 ? null : options.ApiPath ?? FindApi(root);
        if (api is not null && !File.Exists(api))
        {
            throw new FileNotFoundException($"No service at {api}.", api);
        }

        Progress($"load average {loadBefore}; starting Azurite");
        var tools = AzuriteLauncher.FindToolDirectory(root);
        await using var azurite = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions(tools), cancellationToken).ConfigureAwait(false);
        TimerFigures timers;
        IdleFigures idle;
        string engine;
        await using (var stalls = new AzuriteStallMonitor(azurite.BlobPort))
        await using (var proxy = await CountingProxy.StartAsync(azurite, cancellationToken).ConfigureAwait(false))
        await using (var timerHost = await WorkflowWorker.StartAsync(azurite.ConnectionString, TimerAccuracyPhase.Prefix,
            new ClockOptions { Speed = options.TimerSpeed, Start = TimerAccuracyPhase.Start }, cancellationToken).ConfigureAwait(false))
        {
            var e = timerHost.Engine;
            engine = $"Durable engine as the service composes it: {e.PartitionCount} partitions, polling <= {e.PollingFor(1).TotalSeconds:0.#} s at real time and "
                + $"<= {e.FastClockPollingInterval.TotalMilliseconds:0} ms on a fast clock, leases {e.LeaseInterval.TotalSeconds:0} s (renewed every "
                + $"{e.LeaseRenewInterval.TotalSeconds:0} s), queue visibility {e.VisibilityFor(options.TimerSpeed).TotalSeconds:0} s on a fast clock";
            Progress($"timer accuracy: {options.TimerCases} cases at x{options.TimerSpeed}; idle cost of another host beside it, through a counting proxy");
            var idleTask = IdleCostProbe.RunAsync(proxy, TimeSpan.FromSeconds(options.IdleSeconds), cancellationToken);
            timers = await TimerAccuracyPhase.RunAsync(timerHost, options.TimerCases, stalls, new CpuMeter(azurite.ProcessId), cancellationToken).ConfigureAwait(false);
            idle = await idleTask.ConfigureAwait(false);
            Progress($"timer lateness p99 {timers.P99} s over {timers.Firings} firings; idle {idle.RequestsPerMinutePerQueue} requests/min/queue");
        }

        var scale = new List<ScalePoint>();
        if (api is not null)
        {
            Progress($"scale: service {api}");
            scale.AddRange(await ScalePhase.RunAsync(azurite.ConnectionString, options, root, api, Progress, cancellationToken).ConfigureAwait(false));
        }
        else
        {
            Progress(options.ScaleSizes.Count == 0 || options.NoApi
                ? "scale: skipped (--scale none or --no-api)"
                : "scale: skipped: no built Dunning.Api under src/Dunning.Api/bin (build it, or give --api)");
        }

        var machine = new MachineInfo(DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture),
            "dotnet run -c Release --project bench/Dunning.Bench --" + (args.Count == 0 ? "" : " " + string.Join(' ', args)),
            Environment.ProcessorCount, loadBefore, LoadAverage(), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
            AzuriteVersion(tools), engine, Math.Round(TimeProvider.System.GetElapsedTime(started).TotalSeconds, 1));
        var result = new BenchResult(machine, timers, scale, idle, NotMeasured, TargetChecks.For(timers, scale, idle));
        ReportTable.Print(result);
        var output = options.Output ?? Path.Combine(root, "bench", "results", "latest.json");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result, JsonOptions), cancellationToken).ConfigureAwait(false);
        AnsiConsole.MarkupLineInterpolated($"written to {output}");
        return 0;
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
