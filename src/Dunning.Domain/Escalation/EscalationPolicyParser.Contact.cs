using System.Globalization;

namespace Dunning.Domain;

/// <summary>The contact section: lawful window, per-jurisdiction windows, visit hours and per-channel caps.</summary>
public static partial class EscalationPolicyParser
{
    private static readonly string[] ContactFields = ["window", "jurisdictions", "visitHours", "caps"];
    private static readonly string[] WindowFields = ["start", "end", "days"];
    private static readonly string[] CapFields = ["maxAttempts", "perDays", "quietDaysAfterConversation"];

    private static ContactRules? ReadContact(PolicyJsonObject document)
    {
        if (document.Object("contact", required: true, ContactFields) is not { } contact)
        {
            return null;
        }

        var window = ReadWindow(contact.Object("window", required: true, WindowFields));
        var visitHours = ReadWindow(contact.Object("visitHours", required: true, WindowFields));

        var jurisdictions = new Dictionary<string, ContactWindow>(StringComparer.Ordinal);
        foreach (var (jurisdiction, value) in contact.Object("jurisdictions", required: false, known: null)?.Entries ?? [])
        {
            var path = $"{contact.PathOf("jurisdictions")}.{jurisdiction}";
            if (jurisdiction.Length == 0)
            {
                contact.Problems.Error(path, "a jurisdiction needs a name, e.g. US or US-CA");
            }

            if (ReadWindow(PolicyJsonObject.Read(value, path, contact.Problems, WindowFields)) is { } local)
            {
                jurisdictions[jurisdiction] = local;
            }
        }

        var caps = ReadCaps(contact);
        return window is null || visitHours is null || caps is null
            ? null
            : new ContactRules(window, jurisdictions, visitHours, caps);
    }

    private static ContactWindow? ReadWindow(PolicyJsonObject? window)
    {
        if (window is null)
        {
            return null;
        }

        var start = window.RequiredTime("start");
        var end = window.RequiredTime("end");
        var days = ReadDays(window);
        if (start is { } from && end is { } to && from >= to)
        {
            // The window is half-open [start, end) within one local day; overnight windows are not lawful contact hours.
            window.Problems.Error(window.PathOf("start"), $"must be before end ({Clock(to)}), but is {Clock(from)}");
            return null;
        }

        return start is { } s && end is { } e ? new ContactWindow(s, e, days) : null;
    }

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static HashSet<DayOfWeek>? ReadDays(PolicyJsonObject window)
    {
        if (window.Array("days", required: false) is not { } items)
        {
            return null;
        }

        if (items.Count == 0)
        {
            window.Problems.Error(window.PathOf("days"), "needs at least one day; omit days to allow every day");
        }

        var days = new HashSet<DayOfWeek>();
        foreach (var (item, path) in items)
        {
            if (PolicyJsonObject.ReadString(item, path, window.Problems) is not { } name)
            {
                continue;
            }

            if (!PolicyNames.Days.TryGetValue(name, out var day))
            {
                window.Problems.Error(path, $"unknown day '{name}'; expected {PolicyNames.Expected(PolicyNames.Days)}");
            }
            else if (!days.Add(day))
            {
                window.Problems.Error(path, $"{name} is listed twice");
            }
        }

        return days;
    }

    private static Dictionary<ContactChannel, ContactCap>? ReadCaps(PolicyJsonObject contact)
    {
        if (contact.Object("caps", required: true, known: null) is not { } caps)
        {
            return null;
        }

        var result = new Dictionary<ContactChannel, ContactCap>();
        foreach (var (name, value) in caps.Entries)
        {
            var path = caps.PathOf(name);
            if (!PolicyNames.Channels.TryGetValue(name, out var channel))
            {
                caps.Problems.Error(path, $"unknown channel; expected {PolicyNames.Expected(PolicyNames.Channels)}");
                continue;
            }

            if (PolicyJsonObject.Read(value, path, caps.Problems, CapFields) is not { } cap)
            {
                continue;
            }

            var maxAttempts = cap.RequiredInt("maxAttempts", 1, 1000);
            var perDays = cap.RequiredInt("perDays", 1, 366);
            var quietDays = cap.OptionalInt("quietDaysAfterConversation", 0, 366) ?? 0;
            if (maxAttempts is { } attempts && perDays is { } per)
            {
                result[channel] = new ContactCap(attempts, TimeSpan.FromDays(per), TimeSpan.FromDays(quietDays));
            }
        }

        return result;
    }
}
