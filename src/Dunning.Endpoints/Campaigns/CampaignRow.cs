using Dunning.Endpoints.Cases;

namespace Dunning.Endpoints.Campaigns;

/// <summary>One row of an import: its line (CSV line, or 1-based position in a JSON array) and either the request
/// read from it or why it could not be read at all.</summary>
public sealed record CampaignRow(int Line, CaseRequest? Request, string? Unreadable);

/// <summary>A whole import as read: its rows, or what is wrong with the file as a whole (no usable header).</summary>
public sealed record CampaignFile(IReadOnlyList<CampaignRow> Rows, IDictionary<string, string[]>? FileErrors);
