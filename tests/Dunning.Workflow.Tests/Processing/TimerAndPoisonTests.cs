using System.Text.Json;
using Dunning.Domain;

namespace Dunning.Runtime.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TimerAndPoisonTests(AzuriteFixture storage)
{
    [Fact]
    public async Task GivenATimerLongerThanTheCap_WhenItSurfacesEarly_ThenItIsReArmedAndFiresOnTime()
    {
        // At 10,000x a virtual day lasts 8.6 real seconds; with a 1 s cap the next step's timer (23 virtual hours away)
        // surfaces early several times before it is due.
        var clock = new ClockOptions { Speed = 10_000, Start = Cases.Local(11, 20, 10) };
        await using var host = await RuntimeHost.CreateAsync(storage.ConnectionString, storage.UniqueName("cap"), clock,
            o => { o.TimerCap = TimeSpan.FromSeconds(1); o.IdlePollMax = TimeSpan.FromMilliseconds(20); });
        await host.StartProcessorsAsync();
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.Inbox.SendAsync(open.CaseId, open);
        await host.WaitForAsync(open.CaseId, s => s.Stage == "due-day-reminder", TimeSpan.FromSeconds(10));

        await host.WaitForAsync(open.CaseId, s => s.Stage == "first-overdue", TimeSpan.FromSeconds(30));

        var reached = (await host.HistoryAsync(open.CaseId)).OfType<StepReached>().Single(s => s.Step == "first-overdue");
        var lateness = reached.At - reached.ScheduledFor;
        Assert.InRange(lateness, TimeSpan.Zero, TimeSpan.FromSeconds(10_000 * 1.5)); // within 1.5 real seconds
        Assert.True(host.Processor.RearmedTimers >= 1, "the timer was re-armed");
    }

    [Fact]
    public async Task GivenAMessageThatAlwaysFails_WhenItExceedsTheDequeueLimit_ThenItIsPoisonedAndTheCaseFlagged()
    {
        var clock = new ClockOptions { Speed = 1, Start = Cases.Local(11, 20, 10) };
        var handler = new RecordingEffectHandler { FailWhen = c => c.Effect is SendSms };
        await using var host = await RuntimeHost.CreateAsync(storage.ConnectionString, storage.UniqueName("poison"), clock,
            o => o.MaxDequeueCount = 3, handler);
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.Inbox.SendAsync(open.CaseId, open);

        for (var i = 0; i < 12 && (await host.Store.GetAsync(open.CaseId))?.Flagged != true; i++)
        {
            await host.DrainAsync();
            await Task.Delay(300);
        }

        var stored = await host.Store.GetAsync(open.CaseId);
        Assert.True(stored!.Flagged);
        Assert.Contains("poison", stored.FlagReason);
        var poisoned = (await host.Storage.Poison.ReceiveMessagesAsync(10)).Value;
        var message = JsonSerializer.Deserialize<PoisonedMessage>(Assert.Single(poisoned).Body.ToString(), DomainJson.Options)!;
        Assert.Equal(open.CaseId, message.CaseId);
        // The e-mail of the same step still went out; only the failing SMS is held back.
        Assert.Contains(host.Handler.SentFor(open.CaseId), s => s.Value is SendEmail);
        Assert.Single((await host.Store.LoadAsync(open.CaseId, null)).Outbox);
    }

    [Fact]
    public async Task GivenAnUnreadableMessage_WhenReceived_ThenItGoesToThePoisonQueueAtOnce()
    {
        var clock = new ClockOptions { Speed = 1, Start = Cases.Local(11, 20, 10) };
        await using var host = await RuntimeHost.CreateAsync(storage.ConnectionString, storage.UniqueName("garbage"), clock);
        await host.Storage.Inbox[0].SendMessageAsync("{ not json");

        await host.DrainAsync();

        var poisoned = (await host.Storage.Poison.ReceiveMessagesAsync(10)).Value;
        Assert.Contains("not json", Assert.Single(poisoned).Body.ToString());
        Assert.Empty((await host.Storage.Inbox[0].PeekMessagesAsync(10)).Value);
    }
}
