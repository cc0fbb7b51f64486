using Dunning.Domain;
using Spectre.Console;

namespace Dunning.Cli;

/// <summary>Writes a run as a table for people: one row per event, then where the case ended and why the run stopped.</summary>
public static class TimelineTable
{
    /// <summary>Wide enough for the detail column; used when the output is not a terminal that reports its width.</summary>
    private const int RedirectedWidth = 180;

    public static void Write(SimulationResult result, EscalationPolicy policy, bool verbose, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(policy);
        var console = ConsoleFor(writer);
        var table = new Table()
            .Border(TableBorder.Rounded)
            .Title(Escaped($"Policy {policy.Id} v{policy.Version}: dry run in {result.Zone.Id}"))
            .AddColumn("Local time")
            .AddColumn("Day")
            .AddColumn("Event")
            .AddColumn("Step")
            .AddColumn("Channel")
            .AddColumn("Detail");
        foreach (var row in TimelineRows.From(result, verbose))
        {
            table.AddRow(
                new Text(TimelineFormat.LocalMinute(row.At)),
                new Text(TimelineFormat.Weekday(row.At)),
                new Text(row.Type, StyleOf(row.Type)),
                new Text(row.Step ?? ""),
                new Text(row.Channel ?? ""),
                new Text(row.Detail ?? ""));
        }

        console.Write(table);
        console.WriteLine(Summary(result));
    }

    private static string Summary(SimulationResult result)
    {
        if (result.FinalState is not { } state)
        {
            return $"No case: {result.StoppedBecause}.";
        }

        var closed = state.ClosedReason is { } reason ? $" ({reason})" : "";
        return $"Ended {state.Status}{closed} at stage {state.Stage}, outstanding {state.Outstanding}, recovered {state.Recovered}. "
            + $"Stopped: {result.StoppedBecause}.";
    }

    private static IAnsiConsole ConsoleFor(TextWriter writer)
    {
        var output = new AnsiConsoleOutput(writer);
        var terminal = ReferenceEquals(writer, Console.Out) && output.IsTerminal;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = output,
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    private static Style StyleOf(string type) => type switch
    {
        nameof(SmsSent) or nameof(EmailSent) or nameof(CallTaskCreated) or nameof(VisitScheduled) => new Style(Color.Green),
        nameof(NoticeIssued) or nameof(SupervisorReportRequested) => new Style(Color.Orange1),
        nameof(ContactDeferred) or nameof(ContactSkipped) or nameof(CommandRejected) => new Style(Color.Yellow),
        nameof(PaymentApplied) or nameof(CaseClosed) or nameof(PromiseKept) => new Style(Color.Aqua),
        nameof(CaseHandedToLegal) or nameof(PromiseBroken) => new Style(Color.Red),
        nameof(StepReached) => new Style(decoration: Decoration.Bold),
        _ => Style.Plain,
    };

    private static string Escaped(string text) => Markup.Escape(text);
}
