using Azure;

namespace Dunning.Endpoints.Campaigns;

/// <summary>A campaign's summary row: counts known at import, and the worker's progress.</summary>
public sealed record CampaignMeta(string CampaignId, int Total, int Failed, int Duplicates, bool Enqueued, bool Done, DateTimeOffset CreatedAt, string Source, ETag ETag);

/// <summary>A row of a campaign waiting to be (or already) opened: the OpenCase command it carries and what became of it.</summary>
public sealed record StoredRow(int Line, string CaseId, string CommandJson, string Outcome, ETag ETag)
{
    /// <summary>Not handled yet.</summary>
    public const string New = "";

    /// <summary>OpenCase queued; not yet seen applied.</summary>
    public const string Queued = "queued";

    /// <summary>The case exists and this campaign opened it.</summary>
    public const string Opened = "opened";

    /// <summary>The case existed already (or appeared earlier in the same file): nothing opened.</summary>
    public const string Duplicate = "duplicate";
}

/// <summary>A row that could not be opened, and what to fix.</summary>
public sealed record CampaignError(int Line, string Detail);
