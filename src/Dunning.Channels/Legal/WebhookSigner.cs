using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dunning.Channels.Legal;

/// <summary>Signs an outgoing webhook the way Dunning checks incoming ones: <c>X-Dunning-Timestamp</c> (Unix seconds,
/// wall time) and <c>X-Dunning-Signature: sha256=&lt;hex HMAC-SHA256 of "{timestamp}.{body}"&gt;</c>.</summary>
public static class WebhookSigner
{
    public const string TimestampHeader = "X-Dunning-Timestamp";
    public const string SignatureHeader = "X-Dunning-Signature";

    /// <summary>The receiver's deduplication key: the same hand-off always carries the same delivery id.</summary>
    public const string DeliveryHeader = "X-Dunning-Delivery";

    public static string Timestamp(DateTimeOffset realNow) => realNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Signature(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return "sha256=" + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }
}
