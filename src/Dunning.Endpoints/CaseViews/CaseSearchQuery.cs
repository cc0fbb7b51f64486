using Dunning.Endpoints.Cases;
using Dunning.Endpoints.Http;
using Dunning.Domain;

namespace Dunning.Endpoints.CaseViews;

/// <summary>The filters of GET /api/case-search: those of GET /api/cases (status, stage, bucket) and, on top, debtor
/// type ("None" for unclassified), a range of days past due and the operator flag. Days past due narrow the index
/// query to a due-date range with a day of slack either side (a debtor's today may differ from UTC's by one), and
/// every item is then checked exactly as GET counts it.</summary>
public sealed record CaseSearchQuery(CaseListQuery List, DebtorTypeFilter? DebtorType, int? MinDaysPastDue, int? MaxDaysPastDue, bool? Flagged)
{
    public static CaseSearchQuery? Parse(
        string? status, string? stage, string? bucket, string? debtorType, int? minDaysPastDue, int? maxDaysPastDue, bool? flagged,
        int? pageSize, string? continuationToken, DateOnly today, ValidationErrors errors)
    {
        var list = CaseListQuery.Parse(status, stage, bucket, pageSize, continuationToken, today, errors);
        DebtorTypeFilter? type = null;
        if (!string.IsNullOrEmpty(debtorType))
        {
            if (string.Equals(debtorType, "None", StringComparison.OrdinalIgnoreCase))
            {
                type = new DebtorTypeFilter(null);
            }
            else if (Enum.TryParse<DebtorType>(debtorType, ignoreCase: true, out var t) && Enum.IsDefined(t) && !int.TryParse(debtorType, out _))
            {
                type = new DebtorTypeFilter(t);
            }
            else
            {
                errors.Add("debtorType", $"Use one of {string.Join(", ", Enum.GetNames<DebtorType>())}, or None for a debtor not yet classified.");
            }
        }

        if (minDaysPastDue is < 0)
        {
            errors.Add("minDaysPastDue", "Give a number of days from 0 up.");
        }

        if (maxDaysPastDue is < 0)
        {
            errors.Add("maxDaysPastDue", "Give a number of days from 0 up.");
        }
        else if (maxDaysPastDue < minDaysPastDue)
        {
            errors.Add("maxDaysPastDue", "Give a maximum no smaller than the minimum.");
        }

        if (errors.Any || list is null)
        {
            return null;
        }

        var (from, to) = (list.DueFrom, list.DueTo);
        if (maxDaysPastDue is { } max)
        {
            from = Later(from, today.AddDays(-max - 1));
        }

        if (minDaysPastDue is { } min and > 0)
        {
            to = Earlier(to, today.AddDays(-min + 1));
        }

        return new CaseSearchQuery(list with { DueFrom = from, DueTo = to }, type, minDaysPastDue, maxDaysPastDue, flagged);
    }

    /// <summary>Whether an item (as GET shows it) passes the filters the index query could not apply exactly.</summary>
    public bool Matches(CaseResponse item) =>
        (DebtorType is null || DebtorType.Type == item.DebtorType)
        && (MinDaysPastDue is null || item.DaysPastDue >= MinDaysPastDue)
        && (MaxDaysPastDue is null || item.DaysPastDue <= MaxDaysPastDue)
        && (Flagged is null || Flagged == item.Flagged);

    private static DateOnly? Later(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;

    private static DateOnly? Earlier(DateOnly? a, DateOnly b) => a is { } x && x < b ? x : b;
}

/// <summary>A debtor-type filter; a null <see cref="Type"/> asks for debtors not yet classified.</summary>
public sealed record DebtorTypeFilter(DebtorType? Type);
