using System.Security.Cryptography;
using System.Text;

namespace Dunning.Workflow;

/// <summary>Row keys of a case partition in <c>Cases</c>: the state snapshot, the history (one row per event, numbered
/// by the case's version after it) and the command log. Zero-padded sequences keep rows in order under the table's
/// lexical sort.</summary>
public static class CaseRows
{
    public const string State = "state";

    public static string History(long seq) => $"h{seq:D10}";

    /// <summary>A command log row: the command id made safe for a row key ('/', '\', '#', '?' and control characters
    /// are not allowed, and keys stay short), else its hash.</summary>
    public static string Command(string commandId) =>
        commandId.Length <= 200 && commandId.All(c => !char.IsControl(c) && c is not ('/' or '\\' or '#' or '?'))
            ? "c" + commandId
            : "c" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(commandId)));

    public static long SeqOf(string rowKey) => long.Parse(rowKey.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}
