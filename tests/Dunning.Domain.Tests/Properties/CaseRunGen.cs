using FsCheck;
using FsCheck.Fluent;

namespace Dunning.Domain.Tests;

/// <summary>Generators of case runs. Due dates lean towards the zone's offset changes so that ladders, windows and
/// caps straddle them; openings mostly come before the first step, sometimes in the middle of the ladder.</summary>
internal static partial class CaseRunGen
{
    /// <summary>Case runs with a script of commands around the timers.</summary>
    public static Gen<CaseRun> Runs =>
        from shape in Shapes(openBeforeFirstStep: false)
        from script in Script(shape)
        select shape with { Script = script };

    /// <summary>Case runs that only the timers drive, opened before the ladder's first step.</summary>
    public static Gen<CaseRun> TimerOnly => Shapes(openBeforeFirstStep: true).Where(OpensBeforeFirstStep);

    public static bool OpensBeforeFirstStep(CaseRun run) =>
        run.OpenAt < LocalCalendar.At(run.DueDate.AddDays(run.Policy.Offsets[0]), run.Policy.Times[0], RunZones.Get(run.Debtor.TimeZone));

    /// <summary>Timer-only case runs with one partial payment before the due date (on the debtor's calendar).</summary>
    public static Gen<PrepaidRun> Prepaid =>
        from shape in TimerOnly
        let zone = RunZones.Get(shape.Debtor.TimeZone)
        let dueDayStarts = LocalCalendar.At(shape.DueDate, TimeOnly.MinValue, zone)
        from minutes in Gen.Choose(0, (int)(dueDayStarts - shape.OpenAt).TotalMinutes - 1)
        from percent in Gen.Choose(5, 90)
        let at = LocalCalendar.ToLocal(shape.OpenAt.AddMinutes(minutes), zone)
        select new PrepaidRun(shape with { Script = [new ScriptedCommand(at, new ScriptAction.Pay(PaymentKind.Partial, percent))] });

    /// <summary>Case runs with a scene inserted between the ladder's first and last steps: a pause (for some hours, or
    /// open-ended), a willing-but-unable classification and three failure reports a minute apart, and a supervisor's
    /// resume some hours later (refused when the pause has ended by then).</summary>
    public static Gen<PausedRun> Paused =>
        from run in Runs
        let zone = RunZones.Get(run.Debtor.TimeZone)
        let first = LocalCalendar.At(run.DueDate.AddDays(run.Policy.Offsets[0]), run.Policy.Times[0], zone)
        let last = LocalCalendar.At(run.DueDate.AddDays(run.Policy.Offsets[^1]), run.Policy.Times[^1], zone)
        let earliest = first > run.OpenAt.AddMinutes(5) ? first : run.OpenAt.AddMinutes(5)
        from minutes in Gen.Choose(0, Math.Max(60, (int)(last - earliest).TotalMinutes))
        from hours in Gen.Frequency((2, Gen.Choose(1, 10 * 24).Select(h => (int?)h)), (1, Gen.Constant<int?>(null)))
        from resumeAfter in Gen.Choose(1, 10 * 24)
        from picks in Gen.ListOf(Gen.Choose(0, 1000), 3)
        let start = earliest.AddMinutes(minutes)
        let scene = new[]
        {
            new ScriptedCommand(LocalCalendar.ToLocal(start, zone), new ScriptAction.Pause(hours)),
            new ScriptedCommand(LocalCalendar.ToLocal(start.AddMinutes(1), zone), new ScriptAction.Classify(Willingness.Willing, Ability.Unable)),
        }
            .Concat(picks.Select((pick, i) => new ScriptedCommand(LocalCalendar.ToLocal(start.AddMinutes(2 + i), zone), new ScriptAction.Deliver(pick, false))))
            .Append(new ScriptedCommand(LocalCalendar.ToLocal(start.AddHours(resumeAfter), zone), new ScriptAction.Resume()))
        select new PausedRun(run with { Script = run.Script.Concat(scene).OrderBy(c => c.At).ToArray() });

    /// <summary>The case, its debtor, policy and opening, with an empty script.</summary>
    private static Gen<CaseRun> Shapes(bool openBeforeFirstStep) =>
        from zoneId in Gen.Elements(RunZones.Ids)
        from due in DueDate(zoneId)
        from amount in Amount
        from debtor in Debtor(zoneId)
        from variant in Gen.Frequency((1, Gen.Constant(PolicyVariant.Default)), (4, Variant))
        let beforeLadder = Gen.Choose(variant.Offsets[0] - 10, variant.Offsets[0] - 1)
        let onLadder = Gen.Choose(variant.Offsets[0], variant.Offsets[^1] + 3)
        from openDay in openBeforeFirstStep ? beforeLadder : Gen.Frequency((5, beforeLadder), (2, onLadder))
        from openMinute in Gen.Choose(0, (24 * 60) - 1)
        let zone = RunZones.Get(zoneId)
        let openAt = LocalCalendar.At(due.AddDays(openDay), TimeOnly.MinValue.AddMinutes(openMinute), zone)
        select new CaseRun(debtor, amount, due, openAt, variant, []);

    private static Gen<DateOnly> DueDate(string zoneId)
    {
        var span = RunZones.Last.DayNumber - RunZones.First.DayNumber;
        var uniform = Gen.Choose(0, span).Select(RunZones.First.AddDays);
        var changes = RunZones.OffsetChanges(zoneId);
        if (changes.Count == 0)
        {
            return uniform;
        }

        var nearChange = from change in Gen.Elements(changes.ToArray())
                         from shift in Gen.Choose(-35, 5)
                         select change.AddDays(shift);
        return Gen.Frequency((1, uniform), (2, nearChange)).Where(day => day >= RunZones.First && day <= RunZones.Last);
    }

    private static Gen<Money> Amount =>
        from currency in Gen.Elements("CNY", "USD", "EUR", "GBP", "JPY")
        from units in Gen.Choose(1_000, 2_000_000)
        select new Money(currency == "JPY" ? units : units / 100m, currency);

    private static Gen<Debtor> Debtor(string zoneId) =>
        from phone in Gen.Frequency((5, Gen.Constant<string?>("+15550100")), (1, Gen.Constant<string?>(null)))
        from email in Gen.Frequency((5, Gen.Constant<string?>("debtor@example.com")), (1, Gen.Constant<string?>(null)))
        from address in Gen.Frequency((3, Gen.Constant<string?>("1 Main Street")), (1, Gen.Constant<string?>(null)))
        from jurisdiction in Gen.Elements<string?>(null, "US", "CN")
        where phone is not null || email is not null
        select new Debtor("Debtor", phone, email, zoneId, "en-US", address, jurisdiction);
}
