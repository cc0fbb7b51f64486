namespace Dunning.Domain;

/// <summary>Local hours (start inclusive, end exclusive) and weekdays in which a debtor may be contacted.</summary>
public sealed partial record ContactWindow(TimeOnly Start, TimeOnly End, IReadOnlySet<DayOfWeek>? Days = null)
{
    /// <summary>08:00-21:00 every day: the usual lawful window (e.g. US Regulation F, PRC collection guidance).</summary>
    public static ContactWindow Default { get; } = new(new TimeOnly(8, 0), new TimeOnly(21, 0));

    /// <summary>09:00-18:00 Monday to Friday: when field visits may take place.</summary>
    public static ContactWindow WorkingHours { get; } = new(new TimeOnly(9, 0), new TimeOnly(18, 0),
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday });
}
