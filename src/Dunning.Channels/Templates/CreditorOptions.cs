namespace Dunning.Channels.Templates;

/// <summary>The creditor's letterhead, bound from <c>Dunning:Creditor</c>. <see cref="Locales"/> may override any field
/// per locale (e.g. <c>Dunning:Creditor:Locales:zh-CN:Name</c>), so a Chinese letter can carry the Chinese name.</summary>
public sealed class CreditorOptions
{
    public const string Section = "Dunning:Creditor";

    public string Name { get; set; } = "Example Credit Ltd.";
    public string Address { get; set; } = "1 Example Road, Example City";
    public string Phone { get; set; } = "+1 555 0100";
    public string Email { get; set; } = "billing@example.com";

    /// <summary>How to pay, in one sentence: it goes into every SMS, so keep it short.</summary>
    public string PaymentInstructions { get; set; } = "pay at pay.example.com";

    /// <summary>The legal entity that owns the claim, named on written notices.</summary>
    public string LegalEntity { get; set; } = "Example Credit Ltd.";

    public Dictionary<string, CreditorDetails> Locales { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The letterhead for <paramref name="locale"/>: the locale's overrides where given, the defaults elsewhere.</summary>
    public CreditorDetails For(string locale)
    {
        var local = Locales.TryGetValue(locale, out var found) ? found : null;
        return new CreditorDetails
        {
            Name = Pick(local?.Name, Name),
            Address = Pick(local?.Address, Address),
            Phone = Pick(local?.Phone, Phone),
            Email = Pick(local?.Email, Email),
            PaymentInstructions = Pick(local?.PaymentInstructions, PaymentInstructions),
            LegalEntity = Pick(local?.LegalEntity, LegalEntity),
        };
    }

    private static string Pick(string? over, string fallback) => string.IsNullOrWhiteSpace(over) ? fallback : over;
}

/// <summary>One locale's letterhead fields; a blank field falls back to <see cref="CreditorOptions"/>.</summary>
public sealed class CreditorDetails
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? PaymentInstructions { get; set; }
    public string? LegalEntity { get; set; }
}
