namespace Dunning.Endpoints.Logging;

/// <summary>Masks personal data before it reaches a log: enough left to tell records apart, never enough to contact
/// anyone. Logs never hold a phone number, an e-mail address or a name in clear.</summary>
public static class Redact
{
    /// <summary>"+8613800138000" becomes "+86*********00": the country code and the last two digits stay.</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "-";
        }

        var keepEnd = Math.Min(2, phone.Length / 4);
        var keepStart = Math.Min(3, phone.Length / 4);
        return phone[..keepStart] + new string('*', phone.Length - keepStart - keepEnd) + phone[^keepEnd..];
    }

    /// <summary>"li.wei@example.com" becomes "l***@e***.com".</summary>
    public static string Email(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "-";
        }

        var at = email.LastIndexOf('@');
        if (at <= 0)
        {
            return "***";
        }

        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var tld = dot >= 0 ? domain[dot..] : "";
        return $"{email[0]}***@{(domain.Length > 0 ? domain[0] : '*')}***{tld}";
    }

    /// <summary>"Li Wei" becomes "L. W." (initials only).</summary>
    public static string Name(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? "-"
            : string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + "."));
}
