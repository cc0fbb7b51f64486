using System.Globalization;
using Spectre.Console;

namespace Dunning.Bench;

/// <summary>Prints a run's figures: one table of measurements (and the figures not measured now) and one of targets with
/// PASS/MISS.</summary>
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
        AnsiConsole.MarkupLineInterpolated($"[grey]{m.Engine}[/]");

        var figures = new Table().Border(TableBorder.Rounded).AddColumns("Measure", "Figure", "Detail");
        foreach (var dropped in r.NotMeasured)
        {
            AddRow(figures, dropped, "-", TargetChecks.NotMeasured);
        }

        var tm = r.Timers;
        AddRow(figures, "4 Timer lateness (real s)", $"p50 {F(tm.P50)} · p95 {F(tm.P95)} · p99 {F(tm.P99)} · max {F(tm.Max)}",
            $"{tm.Firings:N0} firings of {tm.Cases} cases at x{F(tm.Speed)} (polling <= {F(tm.PollingMs)} ms), {tm.CasesFinished} reached legal in {F(tm.Seconds)} s; " +
            $"{tm.HistoryEvents:N0} history events ({F(tm.EventsPerSecond)}/s), {tm.Effects:N0} effects, {tm.RepeatedKeys} keys repeated, {tm.Warnings} warnings; " +
            $"CPU ms per history event: host {F(tm.HostCpuMsPerEvent)}, Azurite {F(tm.AzuriteCpuMsPerEvent)}; Azurite stalled {tm.AzuriteStalls} times, " +
            $"{F(tm.AzuriteStalledSeconds)} s; p99 of the firings no stall touched {F(tm.P99OutsideStalls)} s");
        foreach (var p in r.Scale)
        {
            AddRow(figures, $"5 Scale {p.Cases:N0}", $"{F(p.PeakWorkingSetMb)} MB peak · first page {F(p.FirstPageMedianMs)} ms",
                $"{p.Service}; first call {F(p.FirstPageMs)} ms, {p.PageItems} items (index query {F(p.IndexQueryMs)} ms, one state read {F(p.StateReadMs)} ms); " +
                $"put in place in {F(p.SeedSeconds)} s; the service opened {p.OpenedByService} more over HTTP in {F(p.OpenSeconds)} s");
        }

        if (r.Scale.Count == 0)
        {
            AddRow(figures, "5 Scale", "-", "not run (--scale none, --no-api, or no built Dunning.Api)");
        }

        var i = r.Idle;
        AddRow(figures, "6 Idle cost", $"{F(i.RequestsPerMinutePerQueue)} requests/min/queue",
            $"{F(i.RequestsPerMinute)} requests/min in all ({i.Requests:N0} in {F(i.Seconds)} s) over {i.QueueCount} queues (control queues and work items; " +
            $"polling <= {F(i.PollingCeilingSeconds)} s): {string.Join(", ", i.ByOperation.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"))}");
        AnsiConsole.Write(figures);
        foreach (var late in tm.Latest.Take(3))
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]latest timer: {late}[/]");
        }

        foreach (var warning in tm.FirstWarnings.Take(3))
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]warning: {warning}[/]");
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
