using Dunning.Domain;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Workflow.Tests;

/// <summary>Nothing accepted is lost, whatever the engine does: commands recorded in the case's log and rung, on the real
/// local engine, are each applied exactly once, across bursts, ContinueAsNew, ended workflows and lost doorbells.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CommandDeliveryTests(AzuriteFixture storage, LocalEngineFixture engine) : IClassFixture<LocalEngineFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task GivenHundredsOfPaymentsInBurstsSomeSentTwice_WhenDelivered_ThenEachIsAppliedExactlyOnceAcrossGenerations()
    {
        var host = await engine.UseAsync(storage);
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.OpenAsync(open);

        const int payments = 300;
        const int burst = 10;
        for (var first = 0; first < payments; first += burst)
        {
            var ids = Enumerable.Range(first, burst).Select(i => $"P{i:D4}").ToList();
            // Every fifth payment of a burst is sent twice, as a retrying billing system would.
            var sends = ids.Concat(ids.Where((_, i) => i % 5 == 0));
            await Task.WhenAll(sends.Select(id =>
                host.Commands.SubmitAsync(open.CaseId, new ReceivePayment(host.Clock.GetUtcNow(), id, new Money(1m, "CNY")), $"pay-{id}")));
            // The next burst comes once this one is in: the bursts then land on many generations, and some on their seams.
            await host.WaitForAsync(open.CaseId, s => s.PaymentIds.Count >= first + burst, Patience, $"payments up to {first + burst}");
        }

        var paid = await host.WaitForAsync(open.CaseId, s => s.PaymentIds.Count == payments, Patience, $"{payments} payments applied");
        var applied = (await host.HistoryAsync(open.CaseId)).OfType<PaymentApplied>().Select(p => p.PaymentId).ToList();
        Assert.Equal(payments, applied.Count);
        Assert.Equal(payments, applied.Distinct().Count());
        Assert.Equal(12000m - payments, paid.Outstanding.Amount);
        Assert.Empty(await host.Log.ReadUnappliedAsync(open.CaseId));
        // A generation just begun has not set its progress yet: read until one has.
        var generation = await Wait.ForAsync(
            async () => (await host.Client.GetInstanceAsync(open.CaseId, getInputsAndOutputs: true))?.ReadCustomStatusAs<CaseProgress>()?.Generation,
            g => g is not null, Patience, "the workflow's progress");
        // Each burst is applied before the next is sent, so it costs at least one commit of its own: 30 commits at six
        // activities a generation (the fixture's setting) cross at least five boundaries, however the bursts batch.
        Assert.True(generation >= payments / burst / 6, $"expected many ContinueAsNew boundaries, saw generation {generation}");
    }

    [Fact]
    public async Task GivenTwentyPaymentsAtOnce_WhenDelivered_ThenAllAreAppliedOnce()
    {
        var host = await engine.UseAsync(storage);
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.OpenAsync(open);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            host.Commands.SubmitAsync(open.CaseId, new ReceivePayment(host.Clock.GetUtcNow(), $"C{i:D2}", new Money(100m, "CNY")), $"pay-C{i:D2}")));

        var paid = await host.WaitForAsync(open.CaseId, s => s.PaymentIds.Count == 20, Patience, "20 payments applied");
        Assert.Equal(10000m, paid.Outstanding.Amount);
        Assert.Equal(20, (await host.HistoryAsync(open.CaseId)).OfType<PaymentApplied>().Count());
    }

    [Fact]
    public async Task GivenAClosedCaseWhoseWorkflowEnded_WhenAPaymentAndAnActionArrive_ThenTheWorkflowStartsAgainAndAppliesBoth()
    {
        var host = await engine.UseAsync(storage);
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.OpenAsync(open);
        await host.Commands.SubmitAsync(open.CaseId, new ReceivePayment(host.Clock.GetUtcNow(), "FULL", new Money(12000m, "CNY")), "pay-FULL");
        await host.WaitForEndAsync(open.CaseId, Patience);

        await host.Commands.SubmitAsync(open.CaseId, new ReceivePayment(host.Clock.GetUtcNow(), "LATE", new Money(50m, "CNY")), "pay-LATE");
        await host.Commands.SubmitAsync(open.CaseId, new RaiseAlert(host.Clock.GetUtcNow(), "refund", "the debtor paid twice"), "act-alert");

        var state = await host.WaitForAsync(open.CaseId, s => s.PaymentIds.Contains("LATE"), Patience, "the late payment");
        Assert.Equal(-50m, state.Outstanding.Amount);
        await Wait.UntilAsync(async () => (await host.Log.IsAppliedAsync(open.CaseId, "act-alert")) == true, Patience, "the alert applied");
        var history = await host.HistoryAsync(open.CaseId);
        Assert.Single(history.OfType<CreditRecorded>());
        Assert.Single(history.OfType<SupervisorAlertRaised>());
        Assert.Equal(CaseStatus.Closed, (await host.Store.GetAsync(open.CaseId))!.State.Status);
    }

    [Fact]
    public async Task GivenACommandRecordedButNeverRung_WhenTheSweepRuns_ThenItIsDeliveredAndApplied()
    {
        var host = await engine.UseAsync(storage);
        var running = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        var ended = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.OpenAsync(running);
        await host.OpenAsync(ended);
        await host.Commands.SubmitAsync(ended.CaseId, new CloseCase(host.Clock.GetUtcNow(), Cases.Supervisor, "settled", ClosedReason.Settled), "act-close");
        await host.WaitForEndAsync(ended.CaseId, Patience);

        // As if the host died between recording and ringing, or the engine lost the doorbell.
        await host.Log.RecordAsync(running.CaseId, "pay-LOST1", new ReceivePayment(host.Clock.GetUtcNow(), "LOST1", new Money(10m, "CNY")));
        await host.Log.RecordAsync(ended.CaseId, "pay-LOST2", new ReceivePayment(host.Clock.GetUtcNow(), "LOST2", new Money(10m, "CNY")));

        await host.WaitForAsync(running.CaseId, s => s.PaymentIds.Contains("LOST1"), Patience, "the payment whose doorbell was lost");
        await host.WaitForAsync(ended.CaseId, s => s.PaymentIds.Contains("LOST2"), Patience, "the payment for an ended workflow");
        await Wait.UntilAsync(async () => (await host.Log.ListPendingAsync(DateTimeOffset.MaxValue, 10_000))
            .All(p => p.CaseId != running.CaseId && p.CaseId != ended.CaseId), Patience, "no command left pending");
    }

    [Fact]
    public async Task GivenAnExecutionLostAfterItCommittedAStep_WhenTheWorkflowNextCommits_ThenTheStepsEffectsAreCarriedOutOnce()
    {
        var host = await engine.UseAsync(storage);
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.OpenAsync(open);
        var before = (await host.Store.GetAsync(open.CaseId))!;

        // A lost execution of the workflow: it decided the pre-due step and committed it, then died before its SMS.
        var timer = before.State.Timer!;
        var (events, after) = Decided(before.State, new FireTimer(timer.DueAt, timer.Token));
        var effects = CaseEffects.Derive(before.State, after, events).Where(e => e is not ArmTimer).ToList();
        var lost = new CommitRequest(open.CaseId, before.State.Version, before.ETag, before.State.Status, after, events,
            before.EffectSeq + effects.Count, null, FlagChanged: false, [], timer.DueAt);
        var committed = await ActivatorUtilities.CreateInstance<CommitDecision>(host.Services)
            .RunAsync(null!, lost);
        Assert.Equal(CommitOutcome.Committed, committed.Outcome);
        var smsKey = Dunning.Channels.EffectContext.KeyOf(open.CaseId, before.EffectSeq + 1);
        Assert.DoesNotContain(smsKey, host.Handler.Sent.Keys);

        await host.Commands.SubmitAsync(open.CaseId, new ReceivePayment(host.Clock.GetUtcNow(), "AFTER-LOSS", new Money(10m, "CNY")), "pay-AFTER-LOSS");

        await host.WaitForAsync(open.CaseId, s => s.PaymentIds.Contains("AFTER-LOSS"), Patience, "the payment after the lost execution");
        await Wait.UntilAsync(() => Task.FromResult(host.Handler.Sent.ContainsKey(smsKey)), Patience, "the lost step's SMS");
        Assert.Equal(nameof(SendSms), host.Handler.Sent[smsKey].Kind);
        Assert.Single(host.Handler.Calls, c => c.Key == smsKey);
        Assert.Single((await host.HistoryAsync(open.CaseId)).OfType<StepReached>());
    }

    [Fact]
    public async Task GivenAnExecutionLostRightAfterCommittingAPayment_WhenTheWorkflowNextCommits_ThenTheReadModelsCatchUp()
    {
        var host = await engine.UseAsync(storage);
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.OpenAsync(open);
        var before = (await host.Store.GetAsync(open.CaseId))!;

        // A lost execution: its transaction applied a payment, then it died before projecting it.
        var (events, after) = Decided(before.State, new ReceivePayment(host.Clock.GetUtcNow(), "LOST-PAY", new Money(100m, "CNY")));
        var lost = await host.Store.CommitAsync(new CommitRequest(open.CaseId, before.State.Version, before.ETag, before.State.Status, after, events,
            before.EffectSeq, null, FlagChanged: false, [], host.Clock.GetUtcNow()));
        Assert.Equal(CommitOutcome.Committed, lost.Outcome);
        Assert.Null(await host.ReadModels.FindPaymentAsync("LOST-PAY"));

        await host.Commands.SubmitAsync(open.CaseId, new ReceivePayment(host.Clock.GetUtcNow(), "AFTER-LOSS", new Money(10m, "CNY")), "pay-AFTER-LOSS");

        await host.WaitForAsync(open.CaseId, s => s.PaymentIds.Contains("AFTER-LOSS"), Patience, "the payment after the lost execution");
        Assert.Equal(open.CaseId, (await host.ReadModels.FindPaymentAsync("LOST-PAY"))?.CaseId);
        var stored = (await host.Store.GetAsync(open.CaseId))!;
        var listed = (await host.ReadModels.ListAsync(CaseStatus.Active, null, null, null, 1000, null)).Items.Single(i => i.CaseId == open.CaseId);
        Assert.Equal(stored.State.Version, listed.Version);
    }

    /// <summary>What a lost execution decided for <paramref name="command"/> on the stored state: its events and the state
    /// they lead to, under the default policy the cases pin.</summary>
    private static (IReadOnlyList<CaseEvent> Events, CaseState After) Decided(CaseState before, CaseCommand command)
    {
        var events = CaseDecider.Decide(before, command, PolicyCatalog.Default.Find("default", 1)!);
        return (events, events.Aggregate((CaseState?)before, CaseEvolution.Evolve)!);
    }
}
