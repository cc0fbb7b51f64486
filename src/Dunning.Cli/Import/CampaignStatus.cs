namespace Dunning.Cli;

/// <summary>A campaign as GET /api/campaigns/{campaignId} reports it. Every row ends opened, a duplicate (its case
/// existed already) or failed (rejected, listed in <see cref="Errors"/>); done means all are accounted for.</summary>
public sealed record CampaignStatus(string CampaignId, int Total, int Opened, int Duplicates, int Failed, bool Done, IReadOnlyList<RejectedLine>? Errors)
{
    /// <summary>Rows handled so far, whatever became of them.</summary>
    public int Processed => Opened + Duplicates + Failed;
}
