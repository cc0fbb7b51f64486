using Dunning.Endpoints.Http;
using Dunning.Domain;

namespace Dunning.Endpoints.Cases;

/// <summary>The filters of GET /api/cases, checked: status and stage as stored; bucket as each item shows it, counted
/// in the debtor's own zone. The index is asked for a due-date range one day wider on each side than the bucket's as of
/// today in UTC (no zone's date is more than a day off UTC's), and the page then keeps the items whose own bucket is
/// the one asked for, so a page may hold fewer items than its size (follow the continuation token).</summary>
public sealed record CaseListQuery(
    CaseStatus? Status, string? Stage, string? Bucket, DateOnly? DueFrom, DateOnly? DueTo, int PageSize, string? ContinuationToken)
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
        string? label = null;
        if (!string.IsNullOrEmpty(bucket))
        {
            if (DueRange(bucket, today) is { } range)
            {
                (from, to) = (range.From?.AddDays(-1), range.To?.AddDays(1));
                label = range.Label;
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

        return errors.Any ? null : new CaseListQuery(parsedStatus, string.IsNullOrEmpty(stage) ? null : stage, label, from, to, size,
            string.IsNullOrEmpty(continuationToken) ? null : continuationToken);
    }

    /// <summary>Whether an item (its bucket counted in its debtor's zone) belongs on the page.</summary>
    public bool Keeps(CaseResponse item) => Bucket is null || item.Bucket == Bucket;

    private static (DateOnly? From, DateOnly? To, string Label)? DueRange(string bucket, DateOnly today) => bucket.ToUpperInvariant() switch
    {
        "CURRENT" => (today, null, Label(DelinquencyBucket.Current)),
        "M1" => (today.AddDays(-30), today.AddDays(-1), Label(DelinquencyBucket.M1)),
        "M2" => (today.AddDays(-60), today.AddDays(-31), Label(DelinquencyBucket.M2)),
        "M3" => (today.AddDays(-90), today.AddDays(-61), Label(DelinquencyBucket.M3)),
        // An unencoded "+" in a query string arrives as a space.
        "M3+" or "M3 " or "M3PLUS" => (null, today.AddDays(-91), Label(DelinquencyBucket.M3Plus)),
        _ => null,
    };

    private static string Label(DelinquencyBucket bucket) => Classifier.Label(bucket);
}
