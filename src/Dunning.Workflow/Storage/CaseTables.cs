using Azure.Data.Tables;
using Dunning.Channels.Storage;

namespace Dunning.Workflow;

/// <summary>Dunning's case tables (ARCHITECTURE section 4): <c>Cases</c> (a partition per case: state, history, command
/// log), the read models <c>CaseIndex</c>, <c>Payments</c>, <c>Unmatched</c> and <c>Campaigns</c>, and
/// <c>PendingCommands</c>, the short list the sweep reads instead of scanning every case, and <c>EndedWorkflows</c>, the
/// cases whose workflow ended and whose Durable history is still to purge. The Durable task hub's own tables are the
/// backend's and are never read here.</summary>
public sealed class CaseTables(StorageAccount account)
{
    public TableClient Cases { get; } = account.Table("Cases");
    public TableClient CaseIndex { get; } = account.Table("CaseIndex");
    public TableClient Payments { get; } = account.Table("Payments");
    public TableClient Unmatched { get; } = account.Table("Unmatched");
    public TableClient Campaigns { get; } = account.Table("Campaigns");
    public TableClient PendingCommands { get; } = account.Table("PendingCommands");
    public TableClient EndedWorkflows { get; } = account.Table("EndedWorkflows");

    public StorageAccount Account => account;

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in (TableClient[])[Cases, CaseIndex, Payments, Unmatched, Campaigns, PendingCommands, EndedWorkflows])
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
