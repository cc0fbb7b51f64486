using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dunning.Endpoints.Payments;

/// <summary>Checks <c>X-Dunning-Signature: sha256=&lt;hex HMAC-SHA256 of "{timestamp}.{raw body}"&gt;</c> and the
/// timestamp's age. The age is measured on the real clock, never the virtual one: a sender signs with wall time.</summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Dunning-Timestamp";
    public const string SignatureHeader = "X-Dunning-Signature";
    private const string Prefix = "sha256=";

    /// <summary>Null when the request is authentic; otherwise why not (for the log; the caller sees only 401).</summary>
    public static string? Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset realNow, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(timestamp) || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return $"missing or malformed {TimestampHeader}";
        }

        if (seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds() || (realNow - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return "timestamp outside the tolerance";
        }

        if (string.IsNullOrEmpty(signature) || !signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return $"missing or malformed {SignatureHeader}";
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(signature.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return "signature is not hex";
        }

        var expected = Compute(secret, timestamp, body);
        return CryptographicOperations.FixedTimeEquals(presented, expected) ? null : "signature mismatch";
    }

    /// <summary>HMAC-SHA256 over "{timestamp}." followed by the raw body bytes.</summary>
    public static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>The header value a sender puts in <see cref="SignatureHeader"/>.</summary>
    public static string Header(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Compute(secret, timestamp, body));
}
