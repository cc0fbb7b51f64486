using Dunning.Domain;

namespace Dunning.Runtime.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class IdempotencyTests(AzuriteFixture storage)
{
    private static readonly ClockOptions Clock = new() { Speed = 1, Start = Cases.Local(11, 21, 10) };

    [Fact]
    public async Task GivenTheSameMessageDeliveredTwice_WhenProcessed_ThenItIsAppliedOnce()
    {
        await using var host = await RuntimeHost.CreateAsync(storage.ConnectionString, storage.UniqueName("twice"), Clock);
        var open = Cases.Open(Cases.NewAccount(), host.Clock.GetUtcNow());
        await host.Inbox.SendAsync(open.CaseId, open);
        await host.DrainAsync();

        var pause = new PauseCase(host.Clock.GetUtcNow(), Cases.Supervisor, "checking an address");
        await host.Inbox.SendAsync(open.CaseId, pause, messageId: "pause-1");
        await host.Inbox.SendAsync(open.CaseId, pause, messageId: "pause-1");
        await host.DrainAsync();

        var history = await host.HistoryAsync(open.CaseId);
        Assert.Single(history.OfType<CasePaused>());
        Assert.DoesNotContain(history, e => e is CommandRejected);
    }

    [Fact]
    public async Task GivenTwoWorkers_WhenManyPaymentsForOneCaseArriveAtOnce_ThenNoUpdateIsLost()
    {
        var prefix = storage.UniqueName("race");
        await using var first = await RuntimeHost.CreateAsync(storage.ConnectionString, prefix, Clock, o => o.QueueCount = 1);
        await using var second = await RuntimeHost.CreateAsync(storage.ConnectionString, prefix, Clock, o => o.QueueCount = 1);
        var open = Cases.Open(Cases.NewAccount(), first.Clock.GetUtcNow());
        await first.Inbox.SendAsync(open.CaseId, open);
        await first.DrainAsync();

        await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            first.Inbox.SendAsync(open.CaseId, new ReceivePayment(first.Clock.GetUtcNow(), $"PAY-{i}", new Money(10m, "CNY")))));
        // Two workers take messages of the same case at the same time; ETags make one of them decide again.
        await Task.WhenAll(first.DrainAsync(), second.DrainAsync(), first.DrainAsync(), second.DrainAsync());
        await first.DrainAsync();

        var state = await first.StateAsync(open.CaseId);
        Assert.Equal(11800m, state.Outstanding.Amount);
        Assert.Equal(20, state.PaymentIds.Count);
        Assert.Equal(20, (await first.HistoryAsync(open.CaseId)).OfType<PaymentApplied>().Count());
    }
}
