using Dunning.Domain;

namespace Dunning.Cli.Tests;

/// <summary>The example case (12000 CNY due Friday 2026-11-20, debtor in Shanghai) and helpers to read a run.</summary>
internal static class Scenarios
{
    public static readonly DateOnly Due = new(2026, 11, 20);

    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static EscalationPolicy DefaultPolicy => PolicyCatalog.Default.Latest("default")!;

    public static SimulationScript ShanghaiCase(params ScriptedInput[] inputs) =>
        new(DefaultDebtor.In("Asia/Shanghai"), new Money(12000m, "CNY"), Due, inputs);

    public static SimulationResult Run(params ScriptedInput[] inputs) => PolicySimulation.Run(ShanghaiCase(inputs), DefaultPolicy);

    public static DateOnly Date(int month, int day) => new(2026, month, day);

    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static DateTimeOffset LocalOf(DateTimeOffset instant) => LocalCalendar.ToLocal(instant, Shanghai);

    public static IEnumerable<ContactEvent> Contacts(this SimulationResult result) => result.Events.OfType<ContactEvent>();

    public static IEnumerable<StepReached> Steps(this SimulationResult result) => result.Events.OfType<StepReached>();

    public static StepReached Step(this SimulationResult result, string name) => result.Steps().Single(step => step.Step == name);
}
