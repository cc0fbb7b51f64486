using Azure.Data.Tables;
using Dunning.Channels.Storage.LocalEmulator;
using Dunning.Domain;
using Dunning.Workflow;

namespace Dunning.Chaos;

/// <summary>The chaos run on the Durable engine: one Azurite (in memory), worker processes on one task hub and one fast
/// business clock, SIGKILLed at random and restarted at once, with a share of their own storage requests failing; the
/// driver opens the cases and sends payments and supervisor actions the way the API does. Then, once at rest, the
/// workers are stopped and every invariant is checked and printed, with a closing "N passed, N failed".</summary>
public static class ChaosRun
{
    public static async Task<int> RunAsync(ChaosOptions options, CancellationToken cancellationToken = default)
    {
        var started = TimeProvider.System.GetTimestamp();
        void Progress(string text) => Console.WriteLine($"{TimeProvider.System.GetElapsedTime(started).TotalSeconds,5:F0}s {text}");

        var speed = ChaosSettings.SpeedFor(options.Seconds);
        Progress($"chaos: {options.Cases} cases, {options.Seconds} s, {options.Workers} workers on {options.Partitions} partitions, " +
            $"{options.FaultRate:P0} of their storage requests failing, a kill every ~{options.KillEvery} s, clock x{speed:F0}, seed {options.Seed}");
        var random = new Random(options.Seed);
        await using var azurite = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions(ToolDirectory()), cancellationToken).ConfigureAwait(false);
        var sends = new TableClient(azurite.ConnectionString, RecordingProvider.TableName(ChaosSettings.Prefix));
        await sends.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

        // One clock for every process: the same epoch (real), start (business) and speed. The epoch lies a little ahead,
        // when the workers are up and the cases opened, so the ladder's time is spent on the ladder, not on starting up
        // (until then business time runs before the start, and cases open weeks before they fall due).
        var epoch = DateTimeOffset.UtcNow + ChaosSettings.LeadFor(options.Cases);
        var clock = new ClockOptions { Speed = speed, Epoch = epoch, Start = ChaosSettings.Start };
        var settings = ChaosSettings.For(azurite.ConnectionString, clock, options.Partitions);
        await using var driver = await ChaosDriver.StartAsync(settings, cancellationToken).ConfigureAwait(false);
        var ledger = new Ledger();
        await using var pool = new WorkerPool(settings, options.FaultRate, options.Workers, options.WorkerLogs);
        pool.StartAll();
        Progress($"Azurite, the task hub and the driver are up; {options.Workers} workers starting; opening the cases");

        var cases = Enumerable.Range(0, options.Cases).Select(i => ChaosCases.Open(i, driver.Clock.GetUtcNow())).ToList();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (open, ct) => await driver.Workflow.OpenAsync(open with { Now = driver.Clock.GetUtcNow() }, ct).ConfigureAwait(false)).ConfigureAwait(false);
        if (epoch - DateTimeOffset.UtcNow is { Ticks: > 0 } ahead)
        {
            await Task.Delay(ahead, cancellationToken).ConfigureAwait(false);
        }

        Progress($"{cases.Count} case workflows started; business time {driver.Clock.GetUtcNow():yyyy-MM-dd HH:mm}; chaos for {options.Seconds} s");

        using var chaosOver = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        chaosOver.CancelAfter(TimeSpan.FromSeconds(options.Seconds));
        // Traffic stops a little before the kills do, so its last commands still meet the chaos.
        var traffic = new TrafficGenerator(driver, cases, ledger, new Random(random.Next()))
            .RunAsync(TimeSpan.FromSeconds(options.Seconds * 0.8), Math.Max(20, options.Cases), cancellationToken);
        await KillAtRandomAsync(pool, options, random, chaosOver.Token).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await traffic.ConfigureAwait(false);
        Progress($"chaos over: {pool.Kills} kills, {ledger.Payments.Count} payment messages, actions {Describe(ledger.Actions)}; waiting until at rest");

        // Long enough for a timer of the ladder to come due, plus a lease taken over, a visibility timeout and a restart.
        var stallTimeout = TimeSpan.FromSeconds(ChaosSettings.LadderSpan.TotalSeconds / speed) + TimeSpan.FromSeconds(60);
        var atRest = await Quiescence.WaitAsync(driver, cases.Select(c => c.CaseId).ToList(), stallTimeout, Progress, cancellationToken).ConfigureAwait(false);
        Progress(atRest ? "at rest; stopping the workers and checking" : $"not at rest: no case settled for {stallTimeout.TotalSeconds:F0} s; stopping the workers and checking anyway");
        await pool.DisposeAsync().ConfigureAwait(false);
        var stoppedAt = driver.Clock.GetUtcNow();

        var atEnd = await CaseAtRest.ReadAsync(driver, cases.Select(c => c.CaseId), cancellationToken).ConfigureAwait(false);
        var unknown = await CaseAtRest.ReadAsync(driver, ledger.Payments.Where(p => p.Kind == PaymentKind.UnknownCase).Select(p => p.CaseId).Distinct(),
            cancellationToken).ConfigureAwait(false);
        var results = new List<InvariantResult>
        {
            await PaymentsAppliedOnce.CheckAsync(ledger, atEnd, unknown, driver.ReadModels, cancellationToken).ConfigureAwait(false),
            StateMatchesHistory.Check(atEnd),
            await EffectsSentOnce.CheckAsync(sends, atEnd, cancellationToken).ConfigureAwait(false),
            ContactsInWindow.Check(atEnd),
            await NoCaseStuck.CheckAsync(atEnd, ledger, driver.Log, stoppedAt, ChaosSettings.StuckGrace * speed, cancellationToken).ConfigureAwait(false),
            NothingFlaggedOrFailed.Check(atEnd),
        };

        foreach (var unexpected in pool.UnexpectedExits)
        {
            Progress($"note: {unexpected}");
        }

        foreach (var result in results)
        {
            Console.WriteLine($"{(result.Passed ? "PASS" : "FAIL")}  {result.Name}: {result.Detail}");
        }

        var failed = results.Count(r => !r.Passed);
        Console.WriteLine($"{results.Count - failed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Every few seconds (at random around the mean) one worker, chosen at random, is killed and started again.</summary>
    private static async Task KillAtRandomAsync(WorkerPool pool, ChaosOptions options, Random random, CancellationToken until)
    {
        while (!until.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.KillEvery * (0.5 + random.NextDouble())), until).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await pool.KillAndRestartAsync(random.Next(options.Workers)).ConfigureAwait(false);
        }
    }

    /// <summary>The pinned Azurite: above the executable when it was built in the repository, else above the working directory.</summary>
    private static string ToolDirectory()
    {
        try
        {
            return AzuriteLauncher.FindToolDirectory(AppContext.BaseDirectory);
        }
        catch (DirectoryNotFoundException)
        {
            return AzuriteLauncher.FindToolDirectory(Directory.GetCurrentDirectory());
        }
    }

    private static string Describe(IReadOnlyDictionary<string, int> actions) =>
        actions.Count == 0 ? "none" : string.Join(", ", actions.Select(a => $"{a.Value} {a.Key}"));
}
