using System.Security.Cryptography;
using System.Text;

namespace Dunning.Channels;

/// <summary>Partition and row keys from outside values: storage refuses '/', '\', '#', '?' and control characters, and
/// phone numbers are never stored as keys in clear.</summary>
internal static class TableKeys
{
    private const int MaxKeyLength = 512;

    /// <summary>The value itself when it is a valid key, else "h" + its SHA-256 (so the mapping stays deterministic).</summary>
    public static string Safe(string value) =>
        value.Length is > 0 and <= MaxKeyLength && !value.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?')
            ? value
            : "h" + Hash(value);

    /// <summary>Key of a phone number: SHA-256 hex of its E.164 form ('+' and digits), so "+86 138-0013-8000" and
    /// "+8613800138000" meet.</summary>
    public static string Phone(string phone) => Hash(E164(phone));

    public static string E164(string phone) => "+" + new string(phone.Where(char.IsAsciiDigit).ToArray());

    /// <summary>Key of a provider message id: GUIDs (e-mail operation ids) in one spelling, whatever casing a report uses.</summary>
    public static string ProviderId(string id) => Safe(Guid.TryParse(id, out var guid) ? guid.ToString("D") : id);

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
