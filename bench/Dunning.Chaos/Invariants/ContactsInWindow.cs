using Dunning.Domain;

namespace Dunning.Chaos;

/// <summary>Every contact in every history happened inside the debtor's local window (visits: working hours).</summary>
public static class ContactsInWindow
{
    public const string Name = "no contact outside the debtor's window";

    public static InvariantResult Check(IReadOnlyList<CaseAtRest> cases)
    {
        var violations = new List<string>();
        var contacts = 0;
        foreach (var c in cases.Where(c => c.Stored is not null))
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(c.Stored!.State.Debtor.TimeZone);
            foreach (var contact in c.History.OfType<ContactEvent>())
            {
                contacts++;
                var window = contact.Channel == ContactChannel.Visit ? ContactWindow.WorkingHours : ContactWindow.Default;
                if (!window.Allows(contact.At, zone))
                {
                    violations.Add($"{contact.Type} of {c.CaseId} at {LocalCalendar.ToLocal(contact.At, zone):yyyy-MM-dd HH:mm ddd} local");
                }
            }
        }

        return InvariantResult.Of(Name, violations, $"{contacts:N0} contacts, all inside the window");
    }
}
