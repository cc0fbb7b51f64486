using Dunning.Domain;

namespace Dunning.Runtime.Tests;

/// <summary>A processed message whose decision arms the case's next timer is rewritten in place as that timer, instead
/// of a new message sent and the old one deleted; the rows it carried out are deleted by the timer's own commit.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TimerCarryTests(AzuriteFixture storage)
{
    [Fact]
    public async Task GivenAnOpeningOnTheDueDay_WhenProcessed_ThenTheSameMessageCarriesBothTimersWithNoSendOrDelete()
    {
        var clock = new ClockOptions { Speed = 1, Start = Cases.Local(11, 20, 10) };
        await using var host = await RuntimeHost.CreateAsync(storage.ConnectionString, storage.UniqueName("carry"), clock);
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.Inbox.SendAsync(open.CaseId, open);
        var queue = host.Storage.InboxFor(open.CaseId);
        host.Counter.Reset();

        // Opened on the due day after 09:00: the opening arms a timer due at once for the due-day step, whose firing
        // arms the next step's; both ride on the message that brought the opening.
        Assert.Equal(2, await host.DrainAsync());

        var requests = host.Counter.Snapshot();
        Assert.False(requests.ContainsKey("queue:send"), "no new message was sent");
        Assert.False(requests.ContainsKey("queue:delete"), "the message was not deleted");
        Assert.Equal(2, requests.GetValueOrDefault("queue:update"));
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var state = await host.StateAsync(open.CaseId);
        Assert.NotNull(state.Timer);
        Assert.True(state.Timer!.DueAt > host.Clock.GetUtcNow(), "the timer waits for a later step");
    }

    [Fact]
    public async Task GivenOneMessageCarryingStepAfterStep_WhenItIsReceivedMoreOftenThanTheDequeueLimit_ThenItIsNeverPoisoned()
    {
        // At 20,000x a virtual day lasts 4.3 real seconds. Opened on the due day, the case runs its due-day step at once;
        // with a limit of one attempt, the message that opened it is received a second and a third time as the timers of
        // the next two steps, each a first attempt at its envelope.
        var clock = new ClockOptions { Speed = 20_000, Start = Cases.Local(11, 20, 10) };
        await using var host = await RuntimeHost.CreateAsync(storage.ConnectionString, storage.UniqueName("carrycount"), clock,
            o => { o.MaxDequeueCount = 1; o.IdlePollMax = TimeSpan.FromMilliseconds(20); });
        await host.StartProcessorsAsync();
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.Inbox.SendAsync(open.CaseId, open);

        await host.WaitForAsync(open.CaseId, s => s.Stage == "field-visit", TimeSpan.FromSeconds(40));

        Assert.False((await host.Store.GetAsync(open.CaseId))!.Flagged);
        // Each step's rows were carried out once: the next step's commit deleted them without handing them out again.
        var calls = host.Handler.Calls.Where(c => c.Key.StartsWith(open.CaseId, StringComparison.Ordinal)).ToList();
        Assert.Equal(calls.Count, calls.Select(c => c.Key).Distinct().Count());
        var left = (await host.Store.LoadAsync(open.CaseId, null)).Outbox;
        Assert.DoesNotContain(left, r => r.Json.Contains("\"step\":\"due-day-reminder\"", StringComparison.Ordinal));
        Assert.DoesNotContain(left, r => r.Json.Contains("\"step\":\"first-overdue\"", StringComparison.Ordinal));
        Assert.Empty((await host.Storage.Poison.PeekMessagesAsync(10)).Value);
        Assert.Equal(["due-day-reminder", "first-overdue", "field-visit"],
            (await host.HistoryAsync(open.CaseId)).OfType<StepReached>().Select(s => s.Step).Take(3));
    }
}
