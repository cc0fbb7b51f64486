using Azure.Storage.Blobs.Models;
using Dunning.Channels.Documents;
using Dunning.Channels.Hosting;
using Dunning.Channels.Work;
using Dunning.Domain;
using Dunning.Channels.Storage;
using Dunning.Workflow.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Channels.Tests;

/// <summary>The channels over a real Azurite, under a prefix of their own: channel storage (work items, documents,
/// print queue), recording providers, the commands sent to cases, the cases the channels read, and a business clock
/// driven by a fake clock.</summary>
public sealed class ChannelHarness
{
    public static readonly DateTimeOffset Start = new(2026, 12, 4, 1, 0, 0, TimeSpan.Zero);

    private ChannelHarness(AzuriteFixture azurite, ChannelOptions? options)
    {
        Account = new StorageAccount(new StorageOptions { ConnectionString = azurite.ConnectionString, Prefix = azurite.UniqueName("ch") }, new RequestCounter());
        Channel = options ?? new ChannelOptions();
        Storage = new ChannelStorage(Account);
        Clock = new FakeTimeProvider(Start);
        Documents = new DocumentStore(Storage);
        Print = new PrintQueue(Storage);
        Work = new WorkStore(Storage);
        FieldWork = new FieldWork(Work, Commands, Clock);
    }

    public StorageAccount Account { get; }
    public ChannelOptions Channel { get; }
    public ChannelStorage Storage { get; }
    public FakeTimeProvider Clock { get; }
    public InMemoryCaseRecords Cases { get; } = new();
    public RecordingCaseCommands Commands { get; } = new();
    public DocumentStore Documents { get; }
    public PrintQueue Print { get; }
    public WorkStore Work { get; }
    public FieldWork FieldWork { get; }
    public RecordingSmsProvider Sms { get; } = new();
    public RecordingEmailProvider Email { get; } = new();

    public static async Task<ChannelHarness> CreateAsync(AzuriteFixture azurite, ChannelOptions? options = null)
    {
        var harness = new ChannelHarness(azurite, options);
        await harness.Storage.EnsureCreatedAsync();
        return harness;
    }

    /// <summary>The commands submitted to the case, with their ids.</summary>
    public IReadOnlyList<(string CommandId, CaseCommand Command)> CommandsFor(string caseId) => Commands.For(caseId);

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
