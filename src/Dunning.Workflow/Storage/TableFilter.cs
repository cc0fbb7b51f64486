using Azure.Data.Tables;

namespace Dunning.Workflow;

/// <summary>Table query filters built from interpolated conditions only: every value goes through
/// <see cref="TableClient.CreateQueryFilter(FormattableString)"/>, which quotes and escapes it, so no caller ever
/// splices text into a filter.</summary>
public static class TableFilter
{
    /// <summary>The conjunction of the conditions given (nulls skipped); null when none is given (no filter).</summary>
    public static string? All(params FormattableString?[] conditions)
    {
        var parts = conditions.OfType<FormattableString>().Select(c => $"({TableClient.CreateQueryFilter(c)})").ToList();
        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }
}
