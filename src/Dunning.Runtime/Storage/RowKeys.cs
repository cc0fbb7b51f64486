using System.Security.Cryptography;
using System.Text;

namespace Dunning.Runtime;

/// <summary>Row keys of a case partition: the state snapshot, history, outbox and processed-message markers.
/// Zero-padded sequences keep rows in order under the table's lexical sort.</summary>
public static class RowKeys
{
    public const string State = "state";

    public static string History(long seq) => $"h{seq:D10}";

    public static string Outbox(long seq) => $"o{seq:D10}";

    /// <summary>A message id made safe for a row key ('/', '\', '#', '?' and control characters are not allowed).</summary>
    public static string Marker(string messageId) =>
        messageId.Length <= 200 && messageId.All(c => !char.IsControl(c) && c is not ('/' or '\\' or '#' or '?'))
            ? "m" + messageId
            : "m" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)));

    public static long SeqOf(string rowKey) => long.Parse(rowKey.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}
