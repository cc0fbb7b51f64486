using Dunning.Api.Http;
using Dunning.Domain;

namespace Dunning.Api.Cases;

/// <summary>The filters of GET /api/cases, checked: status and stage as stored, bucket as a due-date range as of
/// today (a case is M1 when 1-30 days past due, so its due date lies 1-30 days back).</summary>
public sealed record CaseListQuery(CaseStatus? Status, string? Stage, DateOnly? DueFrom, DateOnly? DueTo, int PageSize, string? ContinuationToken)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public static CaseListQuery? Parse(string? status, string? stage, string? bucket, int? pageSize, string? continuationToken, DateOnly today, ValidationErrors errors)
    {
        CaseStatus? parsedStatus = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<CaseStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _))
            {
                parsedStatus = s;
            }
            else
            {
                errors.Add("status", $"Use one of {string.Join(", ", Enum.GetNames<CaseStatus>())}.");
            }
        }

        var (from, to) = (default(DateOnly?), default(DateOnly?));
        if (!string.IsNullOrEmpty(bucket))
        {
            if (DueRange(bucket, today) is { } range)
            {
                (from, to) = range;
            }
            else
            {
                errors.Add("bucket", "Use one of Current, M1, M2, M3, M3+ (M3%2B in a URL).");
            }
        }

        var size = pageSize ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"Use a page size from 1 to {MaxPageSize}.");
        }

        return errors.Any ? null : new CaseListQuery(parsedStatus, string.IsNullOrEmpty(stage) ? null : stage, from, to, size, string.IsNullOrEmpty(continuationToken) ? null : continuationToken);
    }

    private static (DateOnly? From, DateOnly? To)? DueRange(string bucket, DateOnly today) => bucket.ToUpperInvariant() switch
    {
        "CURRENT" => (today, null),
        "M1" => (today.AddDays(-30), today.AddDays(-1)),
        "M2" => (today.AddDays(-60), today.AddDays(-31)),
        "M3" => (today.AddDays(-90), today.AddDays(-61)),
        // An unencoded "+" in a query string arrives as a space.
        "M3+" or "M3 " or "M3PLUS" => (null, today.AddDays(-91)),
        _ => null,
    };
}
