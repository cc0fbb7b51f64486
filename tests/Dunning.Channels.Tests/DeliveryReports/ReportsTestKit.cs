using Dunning.Channels.Acs;
using Dunning.Channels.DeliveryReports;
using Dunning.Domain;
using Dunning.Runtime;
using Dunning.Runtime.Tests;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dunning.Channels.Tests.DeliveryReports;

/// <summary>One isolated storage prefix with the runtime's inbox queues and the channels' tables, and a way to read
/// back what was queued for a case.</summary>
internal sealed class ReportsTestKit
{
    private ReportsTestKit(StorageClients storage, ChannelTables tables, MessageLog log, CaseInbox inbox)
    {
        Storage = storage;
        Tables = tables;
        Log = log;
        Inbox = inbox;
    }

    public StorageClients Storage { get; }

    public ChannelTables Tables { get; }

    public MessageLog Log { get; }

    public CaseInbox Inbox { get; }

    public static async Task<ReportsTestKit> CreateAsync(AzuriteFixture azurite, TimeProvider? clock = null)
    {
        var options = new RuntimeOptions { StorageConnectionString = azurite.ConnectionString, Prefix = azurite.UniqueName("dr"), QueueCount = 2, RunProcessors = false };
        var storage = new StorageClients(options, new RequestCounter());
        await storage.EnsureCreatedAsync();
        var tables = new ChannelTables(storage, options);
        return new ReportsTestKit(storage, tables, new MessageLog(tables, clock ?? TimeProvider.System),
            new CaseInbox(storage, new VirtualClock(new ClockOptions()), options));
    }

    public AcsEventGridHandler Handler(string? secret = null) =>
        new(Log, Inbox, new AcsOptions { WebhookSecret = secret }, NullLogger<AcsEventGridHandler>.Instance);

    public CapturingMessageProvider Capture() => new(Log);

    /// <summary>Every envelope queued for the case (peeked, so the queue is left as it is).</summary>
    public async Task<IReadOnlyList<(InboxEnvelope Envelope, CaseCommand Command)>> QueuedForAsync(string caseId)
    {
        var peeked = (await Storage.InboxFor(caseId).PeekMessagesAsync(maxMessages: 32)).Value;
        return peeked.Select(m => CommandCodec.Deserialize(m.Body.ToString()))
            .Where(e => e.CaseId == caseId)
            .Select(e => (e, CommandCodec.Decode(e, DateTimeOffset.UtcNow)))
            .ToList();
    }

    public static ReadOnlyMemory<byte> Body(string json) => System.Text.Encoding.UTF8.GetBytes(json);
}
