namespace Dunning.Endpoints.Campaigns;

/// <summary>How campaigns are worked off, bound from <c>Dunning:Campaigns</c>.</summary>
public sealed class CampaignOptions
{
    public const string Section = "Dunning:Campaigns";

    /// <summary>The most case workflows a campaign import starts per second (per host): a ceiling; the pace itself follows
    /// the engine (<see cref="MaxOpensInFlight"/>).</summary>
    public int StartsPerSecond { get; set; } = 200;

    /// <summary>The most opens of one campaign started and not yet committed at once: the window through which the
    /// engine's own progress paces the import.</summary>
    public int MaxOpensInFlight { get; set; } = 100;
}
