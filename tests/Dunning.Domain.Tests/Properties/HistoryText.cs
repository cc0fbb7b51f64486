using System.Text.RegularExpressions;

namespace Dunning.Domain.Tests;

/// <summary>A case history as failure messages show it: one event a line, at the debtor's local time.</summary>
internal static partial class HistoryText
{
    private const int Before = 30;
    private const int After = 8;

    public static string Of(IReadOnlyList<CaseEvent> history, TimeZoneInfo zone, int? mark = null)
    {
        var from = mark is { } m ? Math.Max(0, m - Before) : 0;
        var to = mark is { } n ? Math.Min(history.Count, n + After + 1) : history.Count;
        var lines = Enumerable.Range(from, to - from).Select(i =>
            $"{(i == mark ? ">>" : "  ")}{i,4} {LocalCalendar.ToLocal(history[i].At, zone):yyyy-MM-dd HH:mm zzz ddd} {Line(history[i])}");
        return string.Join("\n", lines);
    }

    private static string Line(CaseEvent e) => e switch
    {
        CaseOpened o => $"CaseOpened {o.AmountDue} due {o.DueDate:yyyy-MM-dd}",
        NoticeIssued n => $"NoticeIssued {n.ContactId} {n.Step} {n.Kind} deadline {n.Deadline:yyyy-MM-dd}",
        SupervisorReportRequested r => $"SupervisorReportRequested {r.Step}",
        CaseHandedToLegal h => $"CaseHandedToLegal {h.Step}",
        _ => Noise().Replace(e.ToString(), ""),
    };

    // The line already starts with the instant, and Type repeats the record's name.
    [GeneratedRegex(@"\b(At|Type) = [^,}]*, ")]
    private static partial Regex Noise();
}
