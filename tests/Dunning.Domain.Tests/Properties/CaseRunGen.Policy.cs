using FsCheck;
using FsCheck.Fluent;

namespace Dunning.Domain.Tests;

internal static partial class CaseRunGen
{
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Default policies with random timing and contact rules. Step times lean towards the early and late
    /// hours (so contacts are deferred) and the small hours (so steps land in DST gaps and folds).</summary>
    private static Gen<PolicyVariant> Variant =>
        from first in Gen.Choose(-7, 0)
        from gaps in Gen.ArrayOf(Gen.Choose(1, 8), 7)
        from times in Gen.ArrayOf(StepTime, 8)
        from window in Window(Quarter(6, 0), Quarter(10, 0), Quarter(17, 0), Quarter(22, 30), AnyDays)
        from us in Window(Quarter(6, 0), Quarter(10, 0), Quarter(17, 0), Quarter(22, 30), AnyDays)
        from visits in Window(Quarter(8, 0), Quarter(10, 0), Quarter(15, 0), Quarter(19, 0), VisitDays)
        from caps in Caps
        from promiseGrace in Gen.Choose(0, 3)
        from promiseAhead in Gen.Choose(5, 60)
        from planGrace in Gen.Choose(0, 3)
        from planMonths in Gen.Choose(1, 24)
        from hold in Gen.Choose(0, 10)
        from legalDelay in Gen.Choose(0, 30)
        from accelerated in Gen.ArrayOf(Gen.Choose(1, 3), 5)
        let offsets = gaps.Aggregate(new List<int> { first }, (list, gap) => { list.Add(list[^1] + gap); return list; })
        select new PolicyVariant(offsets, times, window, us, visits, caps, promiseGrace, promiseAhead, planGrace, planMonths,
            hold, legalDelay, accelerated);

    private static Gen<TimeOnly> StepTime => Gen.Frequency(
        (4, Gen.Constant(new TimeOnly(9, 0))),
        (2, Gen.Constant(new TimeOnly(6, 30))),
        (2, Gen.Constant(new TimeOnly(22, 15))),
        (1, Gen.Elements(new TimeOnly(0, 0), new TimeOnly(1, 30), new TimeOnly(2, 30), new TimeOnly(2, 50), new TimeOnly(20, 59),
            new TimeOnly(23, 45))),
        (2, Gen.Choose(0, (24 * 4) - 1).Select(quarter => TimeOnly.MinValue.AddMinutes(quarter * 15))));

    private static int Quarter(int hour, int minute) => ((hour * 60) + minute) / 15;

    private static Gen<WindowSpec> Window(int startFrom, int startTo, int endFrom, int endTo, Gen<IReadOnlyList<DayOfWeek>?> days) =>
        from start in Gen.Choose(startFrom, startTo)
        from end in Gen.Choose(endFrom, endTo)
        from allowed in Gen.Frequency((4, Gen.Constant<IReadOnlyList<DayOfWeek>?>(null)), (1, days))
        select new WindowSpec(TimeOnly.MinValue.AddMinutes(start * 15), TimeOnly.MinValue.AddMinutes(end * 15), allowed);

    private static Gen<IReadOnlyList<DayOfWeek>?> AnyDays =>
        Gen.SubListOf(Enum.GetValues<DayOfWeek>()).Where(days => days.Count > 0).Select(days => (IReadOnlyList<DayOfWeek>?)days.ToArray());

    private static Gen<IReadOnlyList<DayOfWeek>?> VisitDays => Gen.Frequency(
        (3, Gen.Constant<IReadOnlyList<DayOfWeek>?>(Weekdays)),
        (1, Gen.SubListOf([.. Weekdays, DayOfWeek.Saturday]).Where(days => days.Count > 0)
            .Select(days => (IReadOnlyList<DayOfWeek>?)days.ToArray())));

    private static Gen<IReadOnlyList<CapSpec>> Caps =>
        from call in MaybeCap("call", 7, quiet: true, weight: 4)
        from sms in MaybeCap("sms", 4, quiet: false, weight: 4)
        from email in MaybeCap("email", 4, quiet: false, weight: 4)
        from letter in MaybeCap("letter", 2, quiet: false, weight: 1)
        from visit in MaybeCap("visit", 2, quiet: false, weight: 1)
        select (IReadOnlyList<CapSpec>)new[] { call, sms, email, letter, visit }.OfType<CapSpec>().ToArray();

    private static Gen<CapSpec?> MaybeCap(string channel, int maxAttempts, bool quiet, int weight) =>
        Gen.Frequency(
            (1, Gen.Constant<CapSpec?>(null)),
            (weight, from attempts in Gen.Choose(1, maxAttempts)
                     from per in Gen.Choose(1, 10)
                     from quietDays in quiet ? Gen.Choose(0, 7) : Gen.Constant(0)
                     select (CapSpec?)new CapSpec(channel, attempts, per, quietDays)));
}
