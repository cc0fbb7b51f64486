using System.Globalization;
using Azure.Data.Tables;
using Dunning.Domain;
using Dunning.Runtime;
using Dunning.Runtime.LocalEmulator;

namespace Dunning.Chaos;

/// <summary>The chaos run: one Azurite, several worker processes under injected storage faults and SIGKILLs, cases run
/// through the whole ladder on a shared fast clock while payments and supervisor actions arrive at random; then, once
/// at rest, every invariant is checked and printed, with a closing "N passed, N failed".</summary>
public static class ChaosRun
{
    private const string Prefix = "chaos";

    /// <summary>Real time within which an overdue timer or a fresh change counts as being handled: a visibility timeout, a
    /// retry back-off and a worker's restart.</summary>
    private static readonly TimeSpan StuckGrace = ChaosClock.VisibilityTimeout + TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(ChaosOptions options, CancellationToken cancellationToken = default)
    {
        var started = TimeProvider.System.GetTimestamp();
        void Progress(string text) => Console.WriteLine($"{TimeProvider.System.GetElapsedTime(started).TotalSeconds,5:F0}s {text}");

        var speed = ChaosClock.SpeedFor(options.Seconds);
        Progress($"chaos: {options.Cases} cases, {options.Seconds} s, {options.Workers} workers, {options.FaultRate:P0} of storage requests failing, " +
            $"a kill every ~{options.KillEvery} s, clock x{speed:F0}, seed {options.Seed}");
        var random = new Random(options.Seed);
        await using var azurite = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions(ToolDirectory()), cancellationToken).ConfigureAwait(false);
        var runtime = ChaosClock.WorkerOptions(azurite.ConnectionString, Prefix);
        var storage = new StorageClients(runtime, new RequestCounter());
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var sends = new TableClient(azurite.ConnectionString, RecordingProvider.TableName(Prefix));
        await sends.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

        // One clock for every process: the same epoch (real), start (virtual) and speed.
        var epoch = DateTimeOffset.UtcNow;
        var clock = new VirtualClock(ChaosClock.Options(speed, epoch, ChaosClock.Start));
        var store = new CaseStore(storage);
        var inbox = new CaseInbox(storage, clock, runtime);
        var ledger = new Ledger();

        await using var pool = new WorkerPool(
            [azurite.ConnectionString, Prefix, Invariant(speed), epoch.ToString("O", CultureInfo.InvariantCulture),
                ChaosClock.Start.ToString("O", CultureInfo.InvariantCulture), Invariant(options.FaultRate)],
            options.Workers);
        pool.StartAll();

        var cases = Enumerable.Range(0, options.Cases).Select(i => ChaosCases.Open(i, clock.GetUtcNow())).ToList();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (open, ct) => await inbox.SendAsync(open.CaseId, open, cancellationToken: ct).ConfigureAwait(false)).ConfigureAwait(false);
        Progress($"{cases.Count} cases sent to be opened; chaos for {options.Seconds} s");

        using var chaosOver = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
        // Traffic stops a little before the kills do, so its last commands still meet the chaos.
        var traffic = new TrafficGenerator(inbox, store, clock, cases, ledger, new Random(random.Next()))
            .RunAsync(TimeSpan.FromSeconds(options.Seconds * 0.8), Math.Max(20, options.Cases), cancellationToken);
        await KillAtRandomAsync(pool, options, random, chaosOver.Token).ConfigureAwait(false);
        await traffic.ConfigureAwait(false);
        Progress($"chaos over: {pool.Kills} kills, {ledger.Payments.Count} payment messages, actions {Describe(ledger.Actions)}; waiting until at rest");

        // Long enough for a timer of the ladder to come due, plus a visibility timeout and a restart, with none settling.
        var timeout = TimeSpan.FromSeconds(ChaosClock.LadderSpan.TotalSeconds / speed) + TimeSpan.FromSeconds(60);
        var atRest = await Quiescence.WaitAsync(storage, store, cases, timeout, Progress, cancellationToken).ConfigureAwait(false);
        Progress(atRest ? "at rest; checking" : $"not at rest: no case settled for {timeout.TotalSeconds:F0} s; checking anyway");
        await pool.DisposeAsync().ConfigureAwait(false);

        var snapshots = await CaseSnapshot.ReadAsync(store, cases.Select(c => c.CaseId), cancellationToken).ConfigureAwait(false);
        var unknown = await CaseSnapshot.ReadAsync(store, ledger.Payments.Where(p => p.Kind == PaymentKind.UnknownCase).Select(p => p.CaseId).Distinct(),
            cancellationToken).ConfigureAwait(false);
        var results = new List<InvariantResult>
        {
            await PaymentsAppliedOnce.CheckAsync(ledger, snapshots, unknown, new ReadModelStore(storage), cancellationToken).ConfigureAwait(false),
            StateMatchesHistory.Check(snapshots),
            await EffectsSentOnce.CheckAsync(sends, snapshots, cancellationToken).ConfigureAwait(false),
            ContactsInWindow.Check(snapshots),
            NoCaseStuck.Check(snapshots, clock.GetUtcNow(), StuckGrace * speed),
            await NothingPoisoned.CheckAsync(storage, cancellationToken).ConfigureAwait(false),
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

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
