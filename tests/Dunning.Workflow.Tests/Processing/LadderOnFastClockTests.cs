using Dunning.Domain;

namespace Dunning.Runtime.Tests;

/// <summary>The default ladder run by real queue processors over Azurite on a virtual clock (a real second per virtual
/// day).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LadderOnFastClockTests(AzuriteFixture storage)
{
    private static readonly ClockOptions FastClock = new() { Speed = 86_400, Start = Cases.Local(11, 16, 10) };

    private Task<RuntimeHost> StartAsync() => StartWithAsync(storage.UniqueName("ladder"));

    private async Task<RuntimeHost> StartWithAsync(string prefix)
    {
        var host = await RuntimeHost.CreateAsync(storage.ConnectionString, prefix, FastClock, o => o.IdlePollMax = TimeSpan.FromMilliseconds(30));
        await host.StartProcessorsAsync();
        return host;
    }

    [Fact]
    public async Task GivenAnOpenCase_WhenNothingIsPaid_ThenEveryStepRunsOnceInOrderUntilLegal()
    {
        await using var host = await StartAsync();
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.Inbox.SendAsync(open.CaseId, open);

        var final = await host.WaitForAsync(open.CaseId, s => s.Status == CaseStatus.HandedToLegal, TimeSpan.FromSeconds(90));

        var history = await host.HistoryAsync(open.CaseId);
        Assert.Equal(
            ["pre-due-reminder", "due-day-reminder", "first-overdue", "field-visit", "supervisor-report", "demand-notice", "lawyer-letter", "legal-handoff"],
            history.OfType<StepReached>().Select(s => s.Step));
        Assert.Null(final.Timer);
        var sent = host.Handler.SentFor(open.CaseId).Select(s => s.Value.Kind).ToList();
        Assert.Contains(nameof(SendSms), sent);
        Assert.Contains(nameof(SendEmail), sent);
        Assert.Contains(nameof(CreateCallTask), sent);
        Assert.Contains(nameof(ScheduleVisit), sent);
        Assert.Equal(2, sent.Count(k => k == nameof(SendNotice)));
        Assert.Contains(nameof(HandOffToLegal), sent);
        foreach (var contact in history.OfType<ContactEvent>())
        {
            var window = contact.Channel == ContactChannel.Visit ? ContactWindow.WorkingHours : ContactWindow.Default;
            Assert.True(window.Allows(contact.At, Cases.Shanghai), $"{contact.Type} at {contact.At} is outside the window");
        }

        // The read model follows from the outbox, just after the commit the state shows.
        await Eventually(async () => (await host.ReadModels.ListAsync(CaseStatus.HandedToLegal, null, null, null, 10, null))
            .Items.Any(i => i.CaseId == open.CaseId && i.Stage == "legal-handoff"));
        Assert.DoesNotContain((await host.ReadModels.ListAsync(CaseStatus.Active, null, null, null, 10, null)).Items, i => i.CaseId == open.CaseId);
    }

    [Fact]
    public async Task GivenACaseMidLadder_WhenPaidInFull_ThenItClosesAndNothingMoreIsSent()
    {
        await using var host = await StartAsync();
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.Inbox.SendAsync(open.CaseId, open);
        await host.WaitForAsync(open.CaseId, s => s.Stage == "first-overdue", TimeSpan.FromSeconds(30));

        await host.Inbox.SendAsync(open.CaseId, new ReceivePayment(host.Clock.GetUtcNow(), "PAY-FULL", new Money(12000m, "CNY")));
        await host.WaitForAsync(open.CaseId, s => s.Status == CaseStatus.Closed, TimeSpan.FromSeconds(30));
        var sentAtClose = host.Handler.SentFor(open.CaseId).Count();
        await Task.Delay(TimeSpan.FromSeconds(5)); // five virtual days

        var history = await host.HistoryAsync(open.CaseId);
        var closedAt = history.ToList().FindIndex(e => e is CaseClosed);
        Assert.DoesNotContain(history.Skip(closedAt), e => e is ContactEvent or StepReached);
        var after = host.Handler.SentFor(open.CaseId).Count();
        Assert.Equal(sentAtClose, after);
        Assert.Equal(ClosedReason.PaidInFull, (await host.StateAsync(open.CaseId)).ClosedReason);
        Assert.Equal(open.CaseId, (await host.ReadModels.FindPaymentAsync("PAY-FULL"))?.CaseId);
    }

    [Fact]
    public async Task GivenAPausedCase_WhenResumedDaysLater_ThenNothingRanWhilePausedAndTheLadderGoesOn()
    {
        await using var host = await StartAsync();
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.Inbox.SendAsync(open.CaseId, open);
        await host.WaitForAsync(open.CaseId, s => s.Stage == "due-day-reminder", TimeSpan.FromSeconds(30));

        await host.Inbox.SendAsync(open.CaseId, new PauseCase(host.Clock.GetUtcNow(), Cases.Supervisor, "debtor in hospital"));
        await host.WaitForAsync(open.CaseId, s => s.Status == CaseStatus.Paused, TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(5)); // five virtual days
        var paused = await host.StateAsync(open.CaseId);
        Assert.Equal("due-day-reminder", paused.Stage);

        await host.Inbox.SendAsync(open.CaseId, new ResumeCase(host.Clock.GetUtcNow(), Cases.Supervisor, "discharged"));
        await host.WaitForAsync(open.CaseId, s => s.Stage == "first-overdue", TimeSpan.FromSeconds(30));

        var history = await host.HistoryAsync(open.CaseId);
        Assert.Contains(history, e => e is LadderRebased);
        Assert.Single(history.OfType<CasePaused>());
        Assert.Single(history.OfType<CaseResumed>());
    }

    [Fact]
    public async Task GivenAPromise_WhenPaidInTime_ThenItIsKept_AndWhenNotPaid_ThenItIsBrokenAndEscalationResumes()
    {
        await using var host = await StartAsync();
        var keeps = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        var breaks = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.Inbox.SendAsync(keeps.CaseId, keeps);
        await host.Inbox.SendAsync(breaks.CaseId, breaks);
        await host.WaitForAsync(keeps.CaseId, s => s.Stage == "first-overdue", TimeSpan.FromSeconds(30));
        await host.WaitForAsync(breaks.CaseId, s => s.Stage == "first-overdue", TimeSpan.FromSeconds(30));

        var today = LocalCalendar.DateOf(host.Clock.GetUtcNow(), Cases.Shanghai);
        await host.Inbox.SendAsync(keeps.CaseId, new RecordPromise(host.Clock.GetUtcNow(), Cases.Supervisor, "call", new Money(5000m, "CNY"), today.AddDays(4)));
        await host.Inbox.SendAsync(breaks.CaseId, new RecordPromise(host.Clock.GetUtcNow(), Cases.Supervisor, "call", new Money(5000m, "CNY"), today.AddDays(4)));
        await host.WaitForAsync(keeps.CaseId, s => s.Promise is not null, TimeSpan.FromSeconds(10));
        await host.Inbox.SendAsync(keeps.CaseId, new ReceivePayment(host.Clock.GetUtcNow(), "PAY-P1", new Money(5000m, "CNY")));

        var kept = await host.WaitForAsync(keeps.CaseId, s => s.PromisesKept == 1, TimeSpan.FromSeconds(10));
        Assert.Equal(7000m, kept.Outstanding.Amount);
        await host.WaitForAsync(breaks.CaseId, s => s.BrokenPromises == 1, TimeSpan.FromSeconds(30));

        // Escalation resumes where it stood: the next step after first-overdue follows the broken promise.
        await Eventually(async () =>
        {
            var broken = (await host.HistoryAsync(breaks.CaseId)).ToList();
            return broken.Skip(broken.FindIndex(e => e is PromiseBroken)).Any(e => e is StepReached { Step: "field-visit" });
        });
        Assert.DoesNotContain((await host.HistoryAsync(breaks.CaseId)).TakeWhile(e => e is not PromiseBroken), e => e is StepReached { Step: "field-visit" });
        Assert.DoesNotContain(await host.HistoryAsync(keeps.CaseId), e => e is PromiseBroken);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(100);
        }
    }
}
