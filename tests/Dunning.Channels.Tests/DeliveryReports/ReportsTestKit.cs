using Dunning.Channels.Acs;
using Dunning.Channels.DeliveryReports;
using Dunning.Domain;
using Dunning.Channels.Storage;
using Dunning.Workflow.Tests;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dunning.Channels.Tests.DeliveryReports;

/// <summary>One isolated storage prefix with the channels' tables, and the commands the handler sent to cases.</summary>
internal sealed class ReportsTestKit
{
    private ReportsTestKit(ChannelTables tables, MessageLog log)
    {
        Tables = tables;
        Log = log;
    }

    public ChannelTables Tables { get; }

    public MessageLog Log { get; }

    public RecordingCaseCommands Commands { get; } = new();

    public static async Task<ReportsTestKit> CreateAsync(AzuriteFixture azurite, TimeProvider? clock = null)
    {
        var account = new StorageAccount(new StorageOptions { ConnectionString = azurite.ConnectionString, Prefix = azurite.UniqueName("dr") }, new RequestCounter());
        var tables = new ChannelTables(account);
        await tables.EnsureCreatedAsync();
        return new ReportsTestKit(tables, new MessageLog(tables, clock ?? TimeProvider.System));
    }

    public AcsEventGridHandler Handler(string? secret = null) =>
        new(Log, Commands, new AcsOptions { WebhookSecret = secret }, NullLogger<AcsEventGridHandler>.Instance);

    public CapturingMessageProvider Capture() => new(Log);

    /// <summary>Every command sent to the case, with its id, oldest first.</summary>
    public IReadOnlyList<(string CommandId, CaseCommand Command)> SentTo(string caseId) => Commands.For(caseId);

    public static ReadOnlyMemory<byte> Body(string json) => System.Text.Encoding.UTF8.GetBytes(json);
}
