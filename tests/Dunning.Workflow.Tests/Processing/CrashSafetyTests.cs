using Azure.Core;
using Dunning.Domain;

namespace Dunning.Runtime.Tests;

/// <summary>Interrupts the processing of one timer message at every storage request in turn — failing it, losing its
/// response, or "crashing" the worker there — and shows the case always converges to the same history with each
/// effect sent once per key.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CrashSafetyTests(AzuriteFixture storage)
{
    // Opened on the due date after 09:00: the due-day reminder (SMS + e-mail) is due at once.
    private static readonly ClockOptions Clock = new() { Speed = 1, Start = Cases.Local(11, 20, 10) };

    public static TheoryData<FaultKind> Faults => [FaultKind.Fail, FaultKind.DropResponse, FaultKind.Crash];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task GivenAFaultAtAnyStepOfProcessing_WhenTheMessageComesBack_ThenTheCaseConvergesWithEachEffectSentOnce(FaultKind kind)
    {
        var requests = await CountRequestsOfTimerMessageAsync();
        Assert.InRange(requests, 5, 40);
        for (var at = 1; at <= requests; at++)
        {
            await RunWithFaultAsync(kind, at);
        }
    }

    [Fact]
    public async Task GivenAWorkerKilledBetweenTwoEffects_WhenTheMessageComesBack_ThenTheSecondIsSentAndTheFirstNotAgain()
    {
        var crashed = 0;
        var handler = new RecordingEffectHandler { CrashWhen = c => c.Effect is SendEmail && Interlocked.Exchange(ref crashed, 1) == 0 };
        await using var host = await RuntimeHost.CreateAsync(storage.ConnectionString, storage.UniqueName("between"), Clock,
            o => o.VisibilityTimeout = TimeSpan.FromSeconds(1), handler);
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.Inbox.SendAsync(open.CaseId, open);
        await host.DrainAsync(maxMessages: 1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.DrainAsync(maxMessages: 1));
        Assert.Single(host.Handler.SentFor(open.CaseId), s => s.Value is SendSms);
        Assert.DoesNotContain(host.Handler.SentFor(open.CaseId), s => s.Value is SendEmail);
        await ConvergeAsync(host, open.CaseId, TimeSpan.FromSeconds(20));

        var sent = host.Handler.SentFor(open.CaseId).Select(s => s.Value).ToList();
        Assert.Single(sent.OfType<SendSms>());
        Assert.Single(sent.OfType<SendEmail>());
        Assert.True(await SettledAsync(host, open.CaseId), "every outbox row carried out");
        // The SMS was dispatched but its outbox row not yet deleted when the worker died: the redelivery hands it to
        // the provider again under the same key, which is what makes the provider send it once.
        var smsKeys = host.Handler.Calls.Where(c => c.Effect is SendSms && c.Key.StartsWith(open.CaseId, StringComparison.Ordinal)).Select(c => c.Key).Distinct();
        Assert.Single(smsKeys);
    }

    /// <summary>Drains until the case is settled and still is after a visibility timeout more (so a message a "dead"
    /// worker held has come back and been handled), or the time is up.</summary>
    private static async Task ConvergeAsync(RuntimeHost host, string caseId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            await host.DrainAsync();
            if (await SettledAsync(host, caseId))
            {
                await Task.Delay(TimeSpan.FromSeconds(1.5));
                await host.DrainAsync();
                if (await SettledAsync(host, caseId))
                {
                    return;
                }
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Whether every outbox row of the case was carried out: none is left, or the case waits on its next timer and
    /// what is left is that timer (carried by the message itself), a read-model update, or an effect its handler sent.
    /// (Rows a message carried out before becoming the timer stay until that timer's commit deletes them.)</summary>
    private static async Task<bool> SettledAsync(RuntimeHost host, string caseId)
    {
        var loaded = await host.Store.LoadAsync(caseId, null);
        var keys = host.Handler.SentFor(caseId).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        return loaded.Outbox.Count == 0
            || loaded.State?.Timer is { } timer && timer.DueAt > host.Clock.GetUtcNow()
                && loaded.Outbox.All(r => r.Kind is nameof(ArmTimer) or OutboxRow.ProjectionKind || keys.Contains($"{caseId}:{r.Seq:D10}"));
    }

    /// <summary>How many storage requests processing the timer message takes when nothing goes wrong.</summary>
    private async Task<int> CountRequestsOfTimerMessageAsync()
    {
        var injector = new CountingInjector();
        await using var host = await RuntimeHost.CreateAsync(storage.ConnectionString, storage.UniqueName("count"), Clock, policy: injector.Injector);
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.Inbox.SendAsync(open.CaseId, open);
        await host.DrainAsync(maxMessages: 1);
        injector.Armed = true;
        await host.DrainAsync(maxMessages: 1);
        Assert.Equal("due-day-reminder", (await host.StateAsync(open.CaseId)).Stage);
        return injector.Seen;
    }

    private async Task RunWithFaultAsync(FaultKind kind, int at)
    {
        var injector = new CountingInjector { FaultAt = at, Kind = kind };
        await using var host = await RuntimeHost.CreateAsync(storage.ConnectionString, storage.UniqueName("crash"), Clock,
            o => o.VisibilityTimeout = TimeSpan.FromSeconds(1), policy: injector.Injector);
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.Inbox.SendAsync(open.CaseId, open);
        await host.DrainAsync(maxMessages: 1);

        injector.Armed = true;
        try
        {
            await host.DrainAsync(maxMessages: 1);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InjectedFaultException)
        {
            // The worker "died" here; its message reappears once its visibility lapses.
        }

        injector.Armed = false;
        await ConvergeAsync(host, open.CaseId, TimeSpan.FromSeconds(20));

        var history = await host.HistoryAsync(open.CaseId);
        var label = $"{kind} at request {at} ({injector.FaultedOperation})";
        Assert.True(history.OfType<StepReached>().Count(s => s.Step == "due-day-reminder") == 1, label);
        Assert.True(history.OfType<SmsSent>().Count() == 1, label);
        Assert.True(history.OfType<EmailSent>().Count() == 1, label);
        Assert.True(await SettledAsync(host, open.CaseId), label + ": outbox not carried out");
        var sent = host.Handler.SentFor(open.CaseId).Select(s => s.Value.Kind).ToList();
        Assert.True(sent.Count(k => k == nameof(SendSms)) == 1, label);
        Assert.True(sent.Count(k => k == nameof(SendEmail)) == 1, label);
        // A handler may be called again with the same key only when the crash fell between its call and the outbox
        // delete; the key is what makes the provider send once.
        var calls = host.Handler.Calls.Where(c => c.Key.StartsWith(open.CaseId, StringComparison.Ordinal)).ToList();
        Assert.True(calls.Select(c => c.Key).Distinct().Count() == sent.Count, label);
        var state = await host.StateAsync(open.CaseId);
        Assert.NotNull(state.Timer);
        Assert.Equal(LocalCalendar.At(new DateOnly(2026, 11, 21), new TimeOnly(9, 0), Cases.Shanghai), state.Timer!.DueAt);
    }

    /// <summary>Counts requests once armed and injects the fault at the chosen one.</summary>
    private sealed class CountingInjector
    {
        private int _seen;

        public CountingInjector() => Injector = new FaultInjector(Decide);

        public FaultInjector Injector { get; }
        public volatile bool Armed;
        public int FaultAt { get; init; }
        public FaultKind Kind { get; init; }
        public int Seen => _seen;
        public string? FaultedOperation { get; private set; }

        private FaultKind? Decide(StorageService service, Request request)
        {
            if (!Armed)
            {
                return null;
            }

            var n = Interlocked.Increment(ref _seen);
            if (n != FaultAt)
            {
                return null;
            }

            FaultedOperation = StorageOperation.Of(service, request);
            return Kind;
        }
    }
}
