using System.Buffers.Text;
using System.Text;

namespace Dunning.Endpoints.Cases;

/// <summary>The continuation token the API gives out: storage's own token wrapped in a versioned, URL-safe envelope,
/// so a token this API never issued is a 400, not a silently empty page.</summary>
public static class PageToken
{
    private const string Version = "v1:";

    public static string? Encode(string? storageToken) =>
        storageToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Version + storageToken));

    public static bool TryDecode(string? token, out string? storageToken)
    {
        storageToken = null;
        if (token is null)
        {
            return true;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (!text.StartsWith(Version, StringComparison.Ordinal) || text.Length == Version.Length)
            {
                return false;
            }

            storageToken = text[Version.Length..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
