using Dunning.Channels.Hosting;
using Dunning.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dunning.Channels.Work;

/// <summary>Every few seconds of real time, looks at the scheduled visits: one still unreported
/// <see cref="ChannelOptions.VisitReportWithin"/> (virtual time) after the end of its scheduled local day raises a
/// supervisor alert on the case, once. The alert's command id is derived from the visit, so even two monitors
/// (two instances of the service) record it once.</summary>
public sealed class VisitReportMonitor(
    WorkStore store,
    ICaseCommands commands,
    TimeProvider clock,
    ChannelOptions options,
    ILogger<VisitReportMonitor> logger) : BackgroundService
{
    /// <summary>Raises the alerts due now; returns how many it raised.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var raised = 0;
        foreach (var visit in await store.ListAsync(WorkItemKind.Visit, WorkItemStatus.Scheduled, cancellationToken).ConfigureAwait(false))
        {
            if (visit.AlertRaisedAt is not null || now <= ReportDueBy(visit))
            {
                continue;
            }

            var why = $"Field visit {visit.Id} scheduled for {visit.LocalDate:yyyy-MM-dd} ({visit.TimeZone}) was not reported within {Describe(options.VisitReportWithin)} of that day.";
            await commands.SubmitAsync(visit.CaseId, new RaiseAlert(now, $"visit {visit.Id}", why), $"visit-alert-{visit.Id}", cancellationToken).ConfigureAwait(false);
            await store.UpdateAsync(WorkItemKind.Visit, visit.Id, v => v.AlertRaisedAt is null ? v with { AlertRaisedAt = now } : null, cancellationToken)
                .ConfigureAwait(false);
            ChannelsLog.VisitNotReported(logger, visit.CaseId, visit.Id);
            raised++;
        }

        return raised;
    }

    /// <summary>The instant after which an unreported visit raises an alert: the end of its local day plus the allowance.</summary>
    public DateTimeOffset ReportDueBy(WorkItem visit)
    {
        LocalCalendar.TryFindZone(visit.TimeZone, out var zone);
        return LocalCalendar.At(visit.LocalDate.AddDays(1), TimeOnly.MinValue, zone) + options.VisitReportWithin;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ChannelsLog.VisitMonitorFailed(logger, ex);
            }

            try
            {
                // Real time on purpose: the interval paces storage requests, the virtual clock only decides what is late.
                await Task.Delay(options.VisitMonitorInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static string Describe(TimeSpan span) =>
        span.TotalDays >= 1 && span.Ticks % TimeSpan.TicksPerDay == 0 ? $"{span.TotalDays:0} day(s)" : span.ToString();
}
