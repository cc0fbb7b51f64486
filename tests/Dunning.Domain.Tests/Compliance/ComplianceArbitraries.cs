using FsCheck;
using FsCheck.Fluent;

namespace Dunning.Domain.Tests;

/// <summary>FsCheck generators for the compliance properties. Instants lean towards offset changes, and window
/// edges towards the small hours, because that is where the bugs live.</summary>
public static class ComplianceArbitraries
{
    private const int SecondsPerDay = 86_400;

    public static Arbitrary<ZonedInstant> ZonedInstants() => Arb.From(ZonedInstantGen);

    public static Arbitrary<ZonedReading> ZonedReadings() => Arb.From(
        from zoned in ZonedInstantGen
        from shiftMinutes in Gen.Choose(-180, 180)
        let local = LocalCalendar.ToLocal(zoned.Instant, zoned.Zone).DateTime.AddMinutes(shiftMinutes)
        select new ZonedReading(zoned.Zone, DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local)));

    public static Arbitrary<WindowScenario> WindowScenarios() => Arb.From(Gen.Frequency(
        (1, from window in WindowGen
            from zoned in ZonedInstantGen
            select new WindowScenario(window, zoned.Zone, zoned.Instant)),
        (1, WindowAroundATransitionGen)));

    public static Arbitrary<CapScenario> CapScenarios() => Arb.From(
        from maxAttempts in Gen.Choose(1, 8)
        from perMinutes in Gen.Choose(60, 3 * 24 * 60)
        from quietMinutes in Gen.Choose(0, 3 * 24 * 60)
        from nowMinutes in Gen.Choose(0, 20 * 365 * 24 * 60)
        from ageMinutes in Gen.ListOf(Gen.Choose(0, 5 * 24 * 60))
        from conversationAgeMinutes in Gen.Frequency(
            (1, Gen.Constant<int?>(null)),
            (3, Gen.Choose(0, 4 * 24 * 60).Select(m => (int?)m)))
        from offsetHours in Gen.Choose(-12, 14)
        let now = OddZones.From.AddMinutes(nowMinutes).ToOffset(TimeSpan.FromHours(offsetHours))
        select new CapScenario(
            new ContactCap(maxAttempts, TimeSpan.FromMinutes(perMinutes), TimeSpan.FromMinutes(quietMinutes)),
            ageMinutes.Select(age => now.AddMinutes(-age)).ToArray(),
            conversationAgeMinutes is { } m ? now.AddMinutes(-m) : null,
            now));

    private static Gen<TimeZoneInfo> ZoneGen => Gen.Elements(OddZones.Ids).Select(OddZones.Get);

    private static Gen<ZonedInstant> ZonedInstantGen =>
        from zone in ZoneGen
        from instant in Gen.Frequency(
            (1, UniformInstantGen),
            (2, NearTransitionGen(zone)))
        select new ZonedInstant(zone, LocalCalendar.ToLocal(instant, zone));

    private static Gen<DateTimeOffset> UniformInstantGen =>
        from day in Gen.Choose(0, (int)(OddZones.Until - OddZones.From).TotalDays - 1)
        from second in Gen.Choose(0, SecondsPerDay - 1)
        from tick in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 9_999_999)))
        select OddZones.From.AddDays(day).AddSeconds(second).AddTicks(tick);

    private static Gen<DateTimeOffset> NearTransitionGen(TimeZoneInfo zone)
    {
        var transitions = OddZones.Transitions(zone);
        if (transitions.Count == 0)
        {
            return UniformInstantGen;
        }

        return from transition in Gen.Elements(transitions.ToArray())
               from offset in Gen.Frequency(
                   (1, Gen.Elements(-1L, 0L, 1L).Select(TimeSpan.FromTicks)),
                   (4, Gen.Choose(-3 * SecondsPerDay, 3 * SecondsPerDay).Select(s => TimeSpan.FromSeconds(s))))
               select transition + offset;
    }

    // A window starting or ending near the wall-clock time of an offset change, asked shortly before it: the
    // cases where a gap swallows the start or a fold repeats the end.
    private static Gen<WindowScenario> WindowAroundATransitionGen =>
        from zone in Gen.Elements(OddZones.Ids.Where(id => OddZones.Transitions(OddZones.Get(id)).Count > 0).ToArray()).Select(OddZones.Get)
        from transition in Gen.Elements(OddZones.Transitions(zone).ToArray())
        from edgeShift in Gen.Choose(-60, 90)
        from length in Gen.Choose(1, 180)
        from edgeIsStart in Gen.Elements(true, false)
        from secondsBefore in Gen.Choose(0, 2 * SecondsPerDay)
        let clockBefore = TimeOnly.FromDateTime(LocalCalendar.ToLocal(transition.AddTicks(-1), zone).DateTime)
        let edgeMinute = Math.Clamp((clockBefore.Hour * 60) + clockBefore.Minute + 1 + edgeShift, 1, 1438)
        let startMinute = edgeIsStart ? edgeMinute : Math.Max(0, edgeMinute - length)
        let endMinute = edgeIsStart ? Math.Min(1439, edgeMinute + length) : edgeMinute
        select new WindowScenario(
            new ContactWindow(
                TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(startMinute)),
                TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(endMinute))),
            zone,
            LocalCalendar.ToLocal(transition.AddSeconds(-secondsBefore), zone));

    private static Gen<ContactWindow> WindowGen =>
        from startMinute in Gen.Frequency((1, Gen.Choose(0, 1438)), (1, Gen.Choose(0, 240)))
        from length in Gen.Frequency(
            (2, Gen.Choose(1, 1439 - startMinute)),
            (2, Gen.Choose(1, Math.Min(120, 1439 - startMinute))),
            (1, Gen.Constant(-1)))
        from days in Gen.Frequency(
            (2, Gen.Constant<IReadOnlySet<DayOfWeek>?>(null)),
            (3, Gen.SubListOf(Enum.GetValues<DayOfWeek>()).Where(d => d.Count > 0)
                .Select(d => (IReadOnlySet<DayOfWeek>?)d.ToHashSet())))
        let start = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(startMinute))
        // -1 stands for "until the end of the day", the widest window a TimeOnly end allows.
        let end = length < 0 ? TimeOnly.MaxValue : start.AddMinutes(length)
        select new ContactWindow(start, end, days);
}
