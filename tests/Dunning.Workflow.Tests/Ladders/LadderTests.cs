using Dunning.Domain;

namespace Dunning.Workflow.Tests;

/// <summary>Whole ladders on the local engine (DTFx's TaskHubWorker over the Azure Storage backend on Azurite), on a
/// business clock running a day a second (ten days a second where nothing waits on the test).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LadderTests(AzuriteFixture storage)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private Task<WorkflowHost> StartAsync(double speed = 86_400) =>
        WorkflowHost.LocalEngineAsync(storage, new ClockOptions { Speed = speed, Start = Cases.Local(11, 16, 10) });

    [Fact]
    public async Task GivenAnOpenCase_WhenNothingIsPaid_ThenEveryStepRunsOnceInOrderUntilLegalAndTheWorkflowEnds()
    {
        await using var host = await StartAsync(speed: 864_000);
        // Sixty days ahead: the pre-due step (D-3) lies more than five real seconds away, so a loaded machine cannot
        // open the case after it and skip it.
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow(), due: Cases.DueIn(host.Clock.GetUtcNow(), 60));

        await host.OpenAsync(open);
        var final = await host.WaitForAsync(open.CaseId, s => s.Status == CaseStatus.HandedToLegal, Patience, "legal hand-off");
        await host.WaitForEndAsync(open.CaseId, Patience);

        var history = await host.HistoryAsync(open.CaseId);
        Assert.Equal(
            ["pre-due-reminder", "due-day-reminder", "first-overdue", "field-visit", "supervisor-report", "demand-notice", "lawyer-letter", "legal-handoff"],
            history.OfType<StepReached>().Select(s => s.Step));
        Assert.Null(final.Timer);
        var calls = host.Handler.Calls.Where(c => c.Key.StartsWith(open.CaseId + ":", StringComparison.Ordinal)).ToList();
        Assert.Equal(calls.Count, calls.Select(c => c.Key).Distinct().Count());
        var sent = calls.Select(c => c.Effect.Kind).ToList();
        Assert.Contains(nameof(SendSms), sent);
        Assert.Contains(nameof(SendEmail), sent);
        Assert.Contains(nameof(CreateCallTask), sent);
        Assert.Contains(nameof(ScheduleVisit), sent);
        Assert.Equal(2, sent.Count(k => k == nameof(SendNotice)));
        Assert.Contains(nameof(HandOffToLegal), sent);
        Assert.Equal(calls.Count, (await host.Store.GetAsync(open.CaseId))!.EffectSeq);
        foreach (var contact in history.OfType<ContactEvent>())
        {
            var window = contact.Channel == ContactChannel.Visit ? ContactWindow.WorkingHours : ContactWindow.Default;
            Assert.True(window.Allows(contact.At, Cases.Shanghai), $"{contact.Type} at {contact.At} is outside the window");
        }

        // The commit writes the read model: listed under its final status only.
        Assert.Contains((await host.ReadModels.ListAsync(CaseStatus.HandedToLegal, null, null, null, 50, null)).Items, i => i.CaseId == open.CaseId);
        Assert.DoesNotContain((await host.ReadModels.ListAsync(CaseStatus.Active, null, null, null, 50, null)).Items, i => i.CaseId == open.CaseId);
    }

    [Fact]
    public async Task GivenACaseMidLadder_WhenPaidInFull_ThenItClosesAndItsWorkflowEndsWithNothingSentAfter()
    {
        await using var host = await StartAsync();
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow(), due: Cases.DueIn(host.Clock.GetUtcNow(), 2));
        await host.OpenAsync(open);
        await host.WaitForAsync(open.CaseId, s => s.Stage == "first-overdue", Patience, "first-overdue");

        await host.Commands.SubmitAsync(open.CaseId, new ReceivePayment(host.Clock.GetUtcNow(), "PAY-FULL", new Money(12000m, "CNY")), "pay-PAY-FULL");
        await host.WaitForEndAsync(open.CaseId, Patience);

        var history = await host.HistoryAsync(open.CaseId);
        var closedAt = history.ToList().FindIndex(e => e is CaseClosed);
        Assert.True(closedAt >= 0, "the case closed");
        Assert.DoesNotContain(history.Skip(closedAt), e => e is ContactEvent or StepReached);
        var state = (await host.Store.GetAsync(open.CaseId))!;
        Assert.Equal(ClosedReason.PaidInFull, state.State.ClosedReason);
        Assert.Null(state.State.Timer);
        Assert.Equal(open.CaseId, (await host.ReadModels.FindPaymentAsync("PAY-FULL"))?.CaseId);
        Assert.True(await host.Log.IsAppliedAsync(open.CaseId, "pay-PAY-FULL"));
        var lastKey = EffectKey(open.CaseId, state.EffectSeq);
        Assert.Equal(nameof(CancelOpenWork), host.Handler.Sent[lastKey].Kind);
    }

    [Fact]
    public async Task GivenAPausedCase_WhenResumed_ThenItWaitedWithoutATimerAndTheLadderGoesOnFromWhereItStood()
    {
        await using var host = await StartAsync();
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow(), due: Cases.DueIn(host.Clock.GetUtcNow(), 3));
        await host.OpenAsync(open);
        await host.WaitForAsync(open.CaseId, s => s.Stage == "due-day-reminder", Patience, "due-day-reminder");

        await host.Commands.SubmitAsync(open.CaseId, new PauseCase(host.Clock.GetUtcNow(), Cases.Supervisor, "debtor in hospital"), "act-pause");
        var paused = await host.WaitForAsync(open.CaseId, s => s.Status == CaseStatus.Paused, Patience, "paused");
        Assert.Null(paused.Timer);
        Assert.Equal("due-day-reminder", paused.Stage);

        await host.Commands.SubmitAsync(open.CaseId, new ResumeCase(host.Clock.GetUtcNow(), Cases.Supervisor, "discharged"), "act-resume");
        await host.WaitForAsync(open.CaseId, s => s.Stage == "first-overdue", Patience, "first-overdue after the resume");

        var history = await host.HistoryAsync(open.CaseId);
        var pausedAt = history.ToList().FindIndex(e => e is CasePaused);
        var resumedAt = history.ToList().FindIndex(e => e is CaseResumed);
        Assert.DoesNotContain(history.Skip(pausedAt).Take(resumedAt - pausedAt), e => e is ContactEvent or StepReached);
        Assert.Single(history.OfType<CasePaused>());
        Assert.Single(history.OfType<CaseResumed>());
    }

    [Fact]
    public async Task GivenAPromise_WhenPaidInTime_ThenItIsKept_AndWhenNotPaid_ThenItIsBrokenAndEscalationResumes()
    {
        await using var host = await StartAsync();
        var keeps = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow(), due: Cases.DueIn(host.Clock.GetUtcNow(), 2));
        var breaks = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow(), due: Cases.DueIn(host.Clock.GetUtcNow(), 2));
        await host.OpenAsync(keeps);
        await host.OpenAsync(breaks);
        await host.WaitForAsync(keeps.CaseId, s => s.Stage == "first-overdue", Patience, "first-overdue");
        await host.WaitForAsync(breaks.CaseId, s => s.Stage == "first-overdue", Patience, "first-overdue");

        foreach (var open in new[] { keeps, breaks })
        {
            var today = LocalCalendar.DateOf(host.Clock.GetUtcNow(), Cases.Shanghai);
            await host.Commands.SubmitAsync(open.CaseId, new RecordPromise(host.Clock.GetUtcNow(), Cases.Supervisor, "call", new Money(5000m, "CNY"), today.AddDays(4)), "act-promise");
        }

        await host.WaitForAsync(keeps.CaseId, s => s.Promise is not null, Patience, "the promise");
        await host.Commands.SubmitAsync(keeps.CaseId, new ReceivePayment(host.Clock.GetUtcNow(), "PAY-P1", new Money(5000m, "CNY")), "pay-PAY-P1");

        var kept = await host.WaitForAsync(keeps.CaseId, s => s.PromisesKept == 1, Patience, "the promise kept");
        Assert.Equal(7000m, kept.Outstanding.Amount);
        await host.WaitForAsync(breaks.CaseId, s => s.BrokenPromises == 1 && s.Stage == "field-visit", Patience, "the broken promise, then the visit");
        var broken = (await host.HistoryAsync(breaks.CaseId)).ToList();
        Assert.DoesNotContain(broken.TakeWhile(e => e is not PromiseBroken), e => e is StepReached { Step: "field-visit" });
        Assert.DoesNotContain(await host.HistoryAsync(keeps.CaseId), e => e is PromiseBroken);
    }

    private static string EffectKey(string caseId, long seq) => Dunning.Channels.EffectContext.KeyOf(caseId, seq);
}
