namespace Dunning.Endpoints.Campaigns;

/// <summary>GET /api/campaigns/{campaignId}: how far the import has come. <see cref="Opened"/> counts cases the
/// campaign opened; done means every row is accounted for (opened, duplicate or failed).</summary>
public sealed record CampaignProgress(
    string CampaignId,
    int Total,
    int Opened,
    int Duplicates,
    int Failed,
    bool Done,
    IReadOnlyList<CampaignError> Errors,
    DateTimeOffset CreatedAt,
    string Source);
