using System.Text.Json;
using Azure.Data.Tables;
using Dunning.Channels.Documents;
using Dunning.Domain;
using Dunning.Workflow.Tests;

namespace Dunning.Channels.Tests;

/// <summary>One letter per print job key on a real Azurite queue, whatever point an earlier attempt died at.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PrintQueueTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Given_a_queued_letter_When_its_key_is_queued_again_Then_the_repeat_is_dropped_and_one_letter_waits()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var letter = Letter("c40");

        var first = await h.Print.EnqueueOnceAsync(letter);
        var repeat = await h.Print.EnqueueOnceAsync(letter);

        Assert.Equal((true, false), (first, repeat));
        Assert.Equal(letter, Assert.Single(await h.Print.PeekAsync()).Letter);
        Assert.Single(await RawMessagesAsync(h));
    }

    [Fact]
    public async Task Given_an_attempt_that_died_after_queueing_before_naming_its_message_When_repeated_Then_one_letter_is_listed()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var letter = Letter("c41");
        // What the dead attempt left: its claim on the key, and its letter on the queue.
        await h.Storage.PrintMarkers.AddEntityAsync(new TableEntity("c41", "c41-0000000005"));
        var orphan = (await h.Storage.Print.SendMessageAsync(JsonSerializer.Serialize(letter, DomainJson.Options))).Value.MessageId;

        var queued = await h.Print.EnqueueOnceAsync(letter);
        var again = await h.Print.EnqueueOnceAsync(letter);

        Assert.Equal((true, false), (queued, again));
        var listed = Assert.Single(await h.Print.PeekAsync());
        Assert.Equal(letter, listed.Letter);
        Assert.NotEqual(orphan, listed.MessageId);
    }

    [Fact]
    public async Task Given_an_attempt_that_died_after_claiming_the_key_before_queueing_When_repeated_Then_the_letter_is_queued()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var letter = Letter("c42");
        await h.Storage.PrintMarkers.AddEntityAsync(new TableEntity("c42", "c42-0000000005"));

        var queued = await h.Print.EnqueueOnceAsync(letter);

        Assert.True(queued);
        Assert.Equal(letter, Assert.Single(await h.Print.PeekAsync()).Letter);
    }

    [Fact]
    public async Task Given_two_attempts_at_the_same_key_at_once_Then_exactly_one_queues_the_letter()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var letter = Letter("c43");

        var results = await Task.WhenAll(h.Print.EnqueueOnceAsync(letter), h.Print.EnqueueOnceAsync(letter));

        Assert.Single(results, queued => queued);
        Assert.Single(await h.Print.PeekAsync());
        Assert.Single(await RawMessagesAsync(h));
    }

    private static PrintLetter Letter(string caseId) => new(caseId, "k9", "demand-notice", $"dunning-documents/cases/{caseId}/k9-demand-notice.html",
        new string('a', 64), "李伟", "88 Century Ave, Pudong, Shanghai", $"{caseId}:0000000005", ChannelHarness.Start);

    private static async Task<IReadOnlyList<string>> RawMessagesAsync(ChannelHarness h) =>
        (await h.Storage.Print.PeekMessagesAsync(32)).Value.Select(m => m.MessageId).ToList();
}
