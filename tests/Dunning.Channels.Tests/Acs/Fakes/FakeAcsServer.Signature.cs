using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Dunning.Channels.Tests.Acs;

public sealed partial class FakeAcsServer
{
    /// <summary>Why a request fails authentication, or null when it passes. Recomputed from what arrived, independently
    /// of the client's code: the body's SHA-256 must match x-ms-content-sha256, the date must be RFC 1123 within the
    /// allowed skew, and the signature must be HMAC-SHA256 over "METHOD\npath?query\ndate;host;hash" with the key.</summary>
    private string? Verify(HttpRequest request, byte[] body)
    {
        var authorization = request.Headers.Authorization.ToString();
        const string scheme = "HMAC-SHA256 ";
        if (!authorization.StartsWith(scheme, StringComparison.Ordinal))
        {
            return "no HMAC-SHA256 Authorization header";
        }

        var parts = authorization[scheme.Length..].Split('&')
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("SignedHeaders", out var signedHeaders) || signedHeaders != "x-ms-date;host;x-ms-content-sha256")
        {
            return "SignedHeaders must be x-ms-date;host;x-ms-content-sha256";
        }

        if (!parts.TryGetValue("Signature", out var signature))
        {
            return "no Signature";
        }

        var date = request.Headers["x-ms-date"].ToString();
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return "x-ms-date is not an RFC 1123 date";
        }

        if ((signedAt - DateTimeOffset.UtcNow).Duration() > AllowedSkew)
        {
            return "x-ms-date is too far from the server's time";
        }

        var contentHash = request.Headers["x-ms-content-sha256"].ToString();
        if (contentHash != Convert.ToBase64String(SHA256.HashData(body)))
        {
            return "x-ms-content-sha256 does not match the body (content hash)";
        }

        var pathAndQuery = request.HttpContext.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var stringToSign = $"{request.Method}\n{pathAndQuery}\n{date};{request.Host.Value};{contentHash}";
        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(stringToSign));
        byte[] given;
        try
        {
            given = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return "Signature is not base64";
        }

        return CryptographicOperations.FixedTimeEquals(expected, given) ? null : "signature mismatch";
    }
}
