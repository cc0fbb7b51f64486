using System.Globalization;
using Spectre.Console;

namespace Dunning.Bench;

/// <summary>Prints a run's figures: one table of measurements and one of targets with PASS/MISS.</summary>
public static class ReportTable
{
    public static void Print(BenchResult r)
    {
        if (Console.IsOutputRedirected)
        {
            // A log file or pipe has no width; 80 columns would wrap every detail.
            AnsiConsole.Profile.Width = 160;
        }

        var m = r.Machine;
        AnsiConsole.MarkupLineInterpolated($"[bold]Dunning benchmark[/] {m.Date} · {m.Cores} cores · load {m.LoadBefore} (before) / {m.LoadAfter} (after) · {m.Os} · {m.Dotnet} · Azurite {m.Azurite} · {m.TotalSeconds:F0} s");
        AnsiConsole.MarkupLineInterpolated($"[grey]{m.Command}[/]");

        var figures = new Table().Border(TableBorder.Rounded).AddColumns("Measure", "Figure", "Detail");
        var c = r.Ceiling;
        AddRow(figures, "1 Ceiling", $"{F(c.EventsPerSecond)} events/s",
            $"{c.Events:N0} events in {F(c.Seconds)} s, {c.Concurrency} in parallel, {F(c.RequestsPerSecond)} requests/s; Azurite stalled {F(c.StalledSeconds)} s " +
            $"({F(c.ActiveEventsPerSecond)} events/s while it answered); CPU ms/event: client {F(c.ClientCpuMsPerEvent)}, Azurite {F(c.AzuriteCpuMsPerEvent)}");
        var t = r.Throughput;
        AddRow(figures, "2 Throughput", $"{F(t.EventsPerSecond)} events/s ({t.RatioToCeiling:P0} of ceiling)",
            $"{t.Events:N0} events in {t.WindowSeconds} s after {t.WarmupSeconds} s warm-up at x{F(t.Speed)}: {t.OpensInWindow:N0} openings, " +
            $"{t.TimerAndOtherEventsInWindow:N0} timer and other events; Azurite stalled {F(t.StalledSeconds)} s ({F(t.ActiveEventsPerSecond)} events/s while it " +
            $"answered, {t.ActiveRatioToCeiling:P0} of the ceiling's); {t.CasesOpened:N0} of {t.CaseLimit:N0} cases opened, {t.CasesHandedToLegal:N0} reached legal; " +
            $"{t.EffectsSent:N0} effects, {t.RepeatedKeys} keys repeated, {t.Warnings} warnings; CPU ms/event: runtime {F(t.RuntimeCpuMsPerEvent)}, Azurite {F(t.AzuriteCpuMsPerEvent)}");
        AddRow(figures, "3 Cost", $"{F(r.Cost.RequestsPerEvent)} requests/event",
            string.Join(", ", r.Cost.PerEventByOperation.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {F(o.Value)}")));
        var tm = r.Timers;
        AddRow(figures, "4 Timer lateness (real s)", $"p50 {F(tm.P50)} · p95 {F(tm.P95)} · p99 {F(tm.P99)} · max {F(tm.Max)}",
            $"{tm.Firings:N0} firings of {tm.Cases} cases at x{F(tm.Speed)}, {F(tm.EventsPerSecond)} events/s, {tm.CasesFinished} reached legal in {F(tm.Seconds)} s; Azurite stalled {tm.AzuriteStalls} times, {F(tm.AzuriteStalledSeconds)} s; p99 of the firings no stall touched {F(tm.P99OutsideStalls)} s");
        foreach (var p in r.Scale)
        {
            AddRow(figures, $"5 Scale {p.Cases:N0}", $"{F(p.PeakWorkingSetMb)} MB peak · first page {F(p.FirstPageMedianMs)} ms",
                $"{p.Service}; first call {F(p.FirstPageMs)} ms, {p.PageItems} items (index query {F(p.IndexQueryMs)} ms, one state read {F(p.StateReadMs)} ms); seeded in {F(p.SeedSeconds)} s; the service opened {p.OpenedByService} more in {F(p.OpenSeconds)} s");
        }

        var i = r.Idle;
        AddRow(figures, "6 Idle cost", $"{F(i.RequestsPerMinutePerQueue)} requests/min/queue",
            $"{i.Requests:N0} requests in {F(i.Seconds)} s over {i.QueueCount} queues: {string.Join(", ", i.ByOperation.Where(o => o.Value > 0).Select(o => $"{o.Key} {o.Value}"))}");
        AnsiConsole.Write(figures);
        foreach (var late in tm.Latest.Take(3))
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]latest timer: {late}[/]");
        }


        var targets = new Table().Border(TableBorder.Rounded).AddColumns("Target", "Wanted", "Measured", "Result");
        foreach (var check in r.Targets)
        {
            var result = check.Pass switch { true => "[green]PASS[/]", false => "[red]MISS[/]", null => "[grey]n/a[/]" };
            targets.AddRow(Markup.Escape(check.Name), Markup.Escape(check.Target), Markup.Escape(check.Figure), result);
        }

        AnsiConsole.Write(targets);
    }

    /// <summary>Figures are plain text, never markup.</summary>
    private static void AddRow(Table table, params string[] cells) => table.AddRow(cells.Select(Markup.Escape).ToArray());

    private static string F(double value) => double.IsNaN(value) ? "-" : value.ToString("0.##", CultureInfo.InvariantCulture);
}
