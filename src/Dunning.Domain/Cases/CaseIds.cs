using System.Security.Cryptography;
using System.Text;

namespace Dunning.Domain;

/// <summary>Case ids derive from the business key (account id, invoice id), so the same account and invoice always
/// name the same case, whoever opens it and however often.</summary>
public static class CaseIds
{
    public static string For(string accountId, string invoiceId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{accountId.Length}:{accountId}|{invoiceId}"));
        return "c" + Convert.ToHexStringLower(bytes.AsSpan(0, 12));
    }
}
