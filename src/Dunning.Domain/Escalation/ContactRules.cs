namespace Dunning.Domain;

/// <summary>Lawful-contact settings of a policy: the contact window (per jurisdiction), visit hours and caps.</summary>
public sealed record ContactRules(
    ContactWindow Window,
    IReadOnlyDictionary<string, ContactWindow> Jurisdictions,
    ContactWindow VisitHours,
    IReadOnlyDictionary<ContactChannel, ContactCap> Caps)
{
    public ContactWindow WindowFor(string? jurisdiction) =>
        jurisdiction is not null && Jurisdictions.TryGetValue(jurisdiction, out var window) ? window : Window;

    public ContactCap? CapFor(ContactChannel channel) => Caps.GetValueOrDefault(channel);
}
