using FsCheck;
using FsCheck.Fluent;

namespace Dunning.Domain.Tests;

internal static partial class CaseRunGen
{
    private const int DaysAfterLastStep = 25;

    /// <summary>Commands at random instants from the opening to well past the last step; a quarter of them within
    /// minutes of a step's instant, where they race the timer.</summary>
    private static Gen<IReadOnlyList<ScriptedCommand>> Script(CaseRun shape)
    {
        var zone = RunZones.Get(shape.Debtor.TimeZone);
        var end = LocalCalendar.At(shape.DueDate.AddDays(shape.Policy.Offsets[^1] + DaysAfterLastStep), new TimeOnly(12, 0), zone);
        var spanMinutes = (int)(end - shape.OpenAt).TotalMinutes;
        var stepInstants = shape.Policy.Offsets
            .Zip(shape.Policy.Times, (offset, at) => LocalCalendar.At(shape.DueDate.AddDays(offset), at, zone))
            .Where(instant => instant > shape.OpenAt.AddMinutes(3))
            .ToArray();
        var uniform = Gen.Choose(0, spanMinutes).Select(minutes => shape.OpenAt.AddMinutes(minutes));
        var instant = stepInstants.Length == 0
            ? uniform
            : Gen.Frequency(
                (3, uniform),
                (1, from step in Gen.Elements(stepInstants)
                    from shift in Gen.Choose(-3, 3)
                    select step.AddMinutes(shift)));
        var command = from at in instant
                      from action in Action
                      select new ScriptedCommand(LocalCalendar.ToLocal(at, zone), action);
        return from count in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 12)), (2, Gen.Choose(12, 30)))
               from commands in Gen.ListOf(command, count)
               select (IReadOnlyList<ScriptedCommand>)commands.OrderBy(c => c.At).ToArray();
    }

    private static Gen<ScriptAction> Action => Gen.Frequency(
        (6, Percent(5, 40).Select(p => Act(new ScriptAction.Pay(PaymentKind.Partial, p)))),
        (1, Percent(1, 20).Select(p => Act(new ScriptAction.Pay(PaymentKind.Full, p)))),
        (1, Percent(1, 20).Select(p => Act(new ScriptAction.Pay(PaymentKind.Over, p)))),
        (2, Percent(5, 100).Select(p => Act(new ScriptAction.Pay(PaymentKind.WrongCurrency, p)))),
        (1, Gen.Constant(Act(new ScriptAction.Pay(PaymentKind.Zero, 0)))),
        (4, Gen.Choose(0, 1000).Select(pick => Act(new ScriptAction.RepeatPayment(pick)))),
        (3, Gen.Frequency((2, Gen.Choose(1, 20 * 24).Select(h => (int?)h)), (1, Gen.Constant<int?>(null)))
            .Select(hours => Act(new ScriptAction.Pause(hours)))),
        (3, Gen.Constant(Act(new ScriptAction.Resume()))),
        (3, Gen.Frequency((2, Gen.Constant<int?>(null)), (2, Gen.Choose(0, 7).Select(i => (int?)i)), (1, Gen.Constant<int?>(-1)))
            .Select(step => Act(new ScriptAction.Escalate(step)))),
        (3, from p in Percent(10, 100) from days in Gen.Choose(-1, 70) select Act(new ScriptAction.Promise(p, days))),
        (2, from count in Gen.Choose(1, 6) from start in Gen.Choose(0, 10) from spacing in Gen.Choose(7, 45)
            select Act(new ScriptAction.Plan(count, start, spacing))),
        (3, from w in Gen.Elements(Enum.GetValues<Willingness>()) from a in Gen.Elements(Enum.GetValues<Ability>())
            select Act(new ScriptAction.Classify(w, a))),
        (2, Gen.Elements(Enum.GetValues<ContactChannel>()).Select(channel => Act(new ScriptAction.OptOutOf(channel)))),
        (1, Gen.Constant(Act(new ScriptAction.Dispute()))),
        (6, from pick in Gen.Choose(0, 1000) from ok in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            select Act(new ScriptAction.Deliver(pick, ok))),
        (1, Gen.Elements(Enum.GetValues<ClosedReason>()).Select(reason => Act(new ScriptAction.Close(reason)))),
        (1, from outcome in Gen.Elements(Enum.GetValues<VisitOutcome>()) from p in Percent(10, 100) from days in Gen.Choose(0, 30)
            select Act(new ScriptAction.Visit(outcome, p, days))),
        (3, Gen.Choose(0, 1000).Select(pick => Act(new ScriptAction.StaleTimer(pick)))));

    private static Gen<int> Percent(int from, int to) => Gen.Choose(from, to);

    // Gen is invariant, so every branch is widened to the base type here.
    private static ScriptAction Act(ScriptAction action) => action;
}
