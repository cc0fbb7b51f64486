namespace Dunning.Domain.Tests;

/// <summary>Invariants of the case decider over generated case runs (see <see cref="CaseRunGen"/>): each property
/// drives whole runs through <see cref="CaseRunDriver"/> and checks what the history and states show.</summary>
public sealed partial class CaseRunProperties
{
    // Runs take a few milliseconds each; these counts keep the folder well under 20 s.
    private const int Runs = 200;

    private static bool IsEnd(CaseEvent e) =>
        e is CaseClosed or CaseHandedToLegal || e is PaymentApplied { Outstanding.IsPositive: false };

    /// <summary>Assert.True whose message (the run and its history, costly to build) is built only on failure.</summary>
    private static void Expect(bool holds, Func<string> failure)
    {
        if (!holds)
        {
            Assert.Fail(failure());
        }
    }

    private static string Failure(CaseRunResult result, int? mark, string what) =>
        $"{what}\n{result.Run}\npolicy as parsed: {result.Policy.Id} v{result.Policy.Version}\nhistory:\n{result.Describe(mark)}";
}
