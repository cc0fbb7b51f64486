using Dunning.Domain;

namespace Dunning.Cli;

/// <summary>Projects a run's events onto timeline rows: local instant, event name, ladder step, channel, detail.
/// Timer bookkeeping (<see cref="TimerArmed"/>) is left out unless asked for.</summary>
public static class TimelineRows
{
    public static IReadOnlyList<TimelineRow> From(SimulationResult result, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Events
            .Where(@event => verbose || @event is not TimerArmed)
            .Select(@event => new TimelineRow(
                LocalCalendar.ToLocal(@event.At, result.Zone),
                @event.Type,
                StepOf(@event),
                ChannelOf(@event),
                EventDetail.Describe(@event, result.Zone)))
            .ToList();
    }

    public static string? StepOf(CaseEvent @event) => @event switch
    {
        StepReached e => e.Step,
        StepSkipped e => e.Step,
        ContactEvent e => e.Step,
        ContactDeferred e => e.Step,
        ContactSkipped e => e.Step,
        SupervisorReportRequested e => e.Step,
        CaseHandedToLegal e => e.Step,
        _ => null,
    };

    /// <summary>The channel that reaches (or would reach) the debtor; an internal report reaches nobody outside.</summary>
    public static string? ChannelOf(CaseEvent @event) => @event switch
    {
        ContactEvent e => Name(e.Channel),
        ContactDeferred e => ChannelOf(e.Action),
        ContactSkipped e => ChannelOf(e.Action),
        DeliveryConfirmed e => Name(e.Channel),
        DeliveryFailed e => Name(e.Channel),
        OptedOut e => Name(e.Channel),
        CaseHandedToLegal => "legal",
        _ => null,
    };

    private static string? ChannelOf(StepAction action) => action switch
    {
        StepAction.Report => null,
        StepAction.Legal => "legal",
        _ => Name(CaseDecider.ChannelOf(action)),
    };

    private static string Name(ContactChannel channel) => channel switch
    {
        ContactChannel.Sms => "sms",
        ContactChannel.Email => "email",
        ContactChannel.Call => "call",
        ContactChannel.Visit => "visit",
        ContactChannel.Letter => "notice",
        _ => channel.ToString().ToLowerInvariant(),
    };
}
