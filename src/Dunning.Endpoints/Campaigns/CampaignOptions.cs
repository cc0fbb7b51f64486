namespace Dunning.Endpoints.Campaigns;

/// <summary>How campaigns are worked off, bound from <c>Dunning:Campaigns</c>.</summary>
public sealed class CampaignOptions
{
    public const string Section = "Dunning:Campaigns";

    /// <summary>The most case workflows a campaign import starts per second (per host).</summary>
    public int StartsPerSecond { get; set; } = 50;
}
