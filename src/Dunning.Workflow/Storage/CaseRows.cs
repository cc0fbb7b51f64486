using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dunning.Workflow;

/// <summary>Row keys of a case partition in <c>Cases</c>: the state snapshot, the history (one row per event, numbered
/// by the case's version after it) and the command log. Zero-padded sequences keep rows in order under the table's
/// lexical sort. Every key names its case, so no two cases share one: a store that finds a row by its key before its
/// partition (Azurite does) goes straight to it instead of through every case's row of that name.</summary>
public static class CaseRows
{
    /// <summary>The key every case's state row had before keys named their case; such a row is read as it is and moved
    /// to <see cref="State"/> by the case's next commit.</summary>
    public const string LegacyState = "state";

    public static string State(string caseId) => "s" + caseId;

    /// <summary>A history row: <c>h</c>, the event's number (ten digits), the case id. Rows written before keys named
    /// their case have the number alone and sort among these by number.</summary>
    public static string History(long seq, string caseId) => HistoryFrom(seq) + caseId;

    /// <summary>The lowest key a history row of event <paramref name="seq"/> or later can have.</summary>
    public static string HistoryFrom(long seq) => $"h{seq:D10}";

    /// <summary>A command log row: the command id made safe for a row key ('/', '\', '#', '?' and control characters
    /// are not allowed, and keys stay short), else its hash.</summary>
    public static string Command(string commandId) =>
        commandId.Length <= 200 && commandId.All(c => !char.IsControl(c) && c is not ('/' or '\\' or '#' or '?'))
            ? "c" + commandId
            : "c" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(commandId)));

    /// <summary>The event number of a history row key (of either form).</summary>
    public static long SeqOf(string rowKey) => long.Parse(rowKey.AsSpan(1, 10), CultureInfo.InvariantCulture);
}
