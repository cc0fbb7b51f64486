using Azure.Storage.Blobs.Models;
using Dunning.Channels.Documents;
using Dunning.Channels.Hosting;
using Dunning.Channels.Work;
using Dunning.Domain;
using Dunning.Runtime;
using Dunning.Runtime.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Channels.Tests;

/// <summary>The channels over a real Azurite, under a prefix of their own: runtime storage (cases, inbox), channel
/// storage (work items, documents, print queue), recording providers and a virtual clock driven by a fake real clock.</summary>
public sealed class ChannelHarness
{
    public static readonly DateTimeOffset Start = new(2026, 12, 4, 1, 0, 0, TimeSpan.Zero);

    private ChannelHarness(AzuriteFixture azurite, ChannelOptions? options)
    {
        Options = new RuntimeOptions { StorageConnectionString = azurite.ConnectionString, Prefix = azurite.UniqueName("ch"), QueueCount = 1 };
        Channel = options ?? new ChannelOptions();
        Runtime = new StorageClients(Options, new RequestCounter());
        Storage = new ChannelStorage(Options, Runtime);
        RealTime = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Clock = new VirtualClock(new ClockOptions { Speed = 1, Start = Start }, RealTime);
        Cases = new CaseStore(Runtime);
        Inbox = new CaseInbox(Runtime, Clock, Options);
        Documents = new DocumentStore(Storage);
        Print = new PrintQueue(Storage);
        Work = new WorkStore(Storage);
        FieldWork = new FieldWork(Work, Inbox, Clock);
    }

    public RuntimeOptions Options { get; }
    public ChannelOptions Channel { get; }
    public StorageClients Runtime { get; }
    public ChannelStorage Storage { get; }
    public FakeTimeProvider RealTime { get; }
    public VirtualClock Clock { get; }
    public CaseStore Cases { get; }
    public CaseInbox Inbox { get; }
    public DocumentStore Documents { get; }
    public PrintQueue Print { get; }
    public WorkStore Work { get; }
    public FieldWork FieldWork { get; }
    public RecordingSmsProvider Sms { get; } = new();
    public RecordingEmailProvider Email { get; } = new();

    public static async Task<ChannelHarness> CreateAsync(AzuriteFixture azurite, ChannelOptions? options = null)
    {
        var harness = new ChannelHarness(azurite, options);
        await harness.Runtime.EnsureCreatedAsync();
        await harness.Storage.EnsureCreatedAsync();
        return harness;
    }

    /// <summary>The commands waiting on the case's inbox queue, with their message ids (peeked, not taken).</summary>
    public async Task<IReadOnlyList<(string MessageId, CaseCommand Command)>> InboxAsync(string caseId)
    {
        var messages = await Runtime.InboxFor(caseId).PeekMessagesAsync(32);
        return messages.Value
            .Select(m => CommandCodec.Deserialize(m.Body.ToString()))
            .Where(e => e.CaseId == caseId)
            .Select(e => (e.Id, CommandCodec.Decode(e, Clock.GetUtcNow())))
            .ToList();
    }

    /// <summary>Names of the blobs stored under the case.</summary>
    public async Task<IReadOnlyList<string>> BlobsAsync(string caseId)
    {
        var names = new List<string>();
        await foreach (BlobItem blob in Storage.Documents.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"cases/{caseId}/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    public static EffectContext Context(string caseId, long seq, CaseEffect effect) => new(caseId, seq, effect, Start);
}
