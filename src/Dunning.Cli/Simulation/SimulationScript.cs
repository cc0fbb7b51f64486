using Dunning.Domain;

namespace Dunning.Cli;

/// <summary>Everything a dry run needs besides the policy: who owes what by when, when the case opens (null: the
/// default, see <see cref="PolicySimulation.OpenInstant"/>), what happens to it, and how many days after the due date
/// to look.</summary>
public sealed record SimulationScript(
    Debtor Debtor,
    Money AmountDue,
    DateOnly DueDate,
    IReadOnlyList<ScriptedInput> Inputs,
    DateOnly? OpenDate = null,
    int DaysAfterDue = SimulationScript.DefaultDaysAfterDue)
{
    public const int DefaultDaysAfterDue = 60;

    /// <summary>The local time of day a case opens on its open date.</summary>
    public static TimeOnly OpenTime { get; } = new(10, 0);
}
