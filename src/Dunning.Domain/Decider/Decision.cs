namespace Dunning.Domain;

/// <summary>One decision in progress: events emitted so far and the state they lead to, so later rules in the same
/// decision see the effect of earlier ones. Lives only for one call of <see cref="CaseDecider.Decide"/>.</summary>
internal sealed class Decision(CaseState? state, EscalationPolicy policy, CaseCommand command)
{
    private readonly List<CaseEvent> _events = [];
    private TimeZoneInfo? _zone;

    public CaseState? State { get; private set; } = state;

    public EscalationPolicy Policy { get; } = policy;

    public CaseCommand Command { get; } = command;

    public DateTimeOffset Now => Command.Now;

    /// <summary>Set when the expected timer fired: it is spent, so a new one must be armed even for the same instant.</summary>
    public bool TimerSpent { get; set; }

    public IReadOnlyList<CaseEvent> Events => _events;

    public CaseState Case => State ?? throw new InvalidOperationException("No case yet.");

    public TimeZoneInfo Zone => _zone ??= Case.Debtor.Zone;

    public DateOnly Today => LocalCalendar.DateOf(Now, Zone);

    public void Emit(CaseEvent @event)
    {
        _events.Add(@event);
        State = CaseEvolution.Evolve(State, @event);
    }

    public void Reject(string why)
    {
        var by = Command switch
        {
            ISupervisorCommand supervisor => supervisor.By,
            OpenCase open => open.By,
            _ => Actor.System,
        };
        var reason = (Command as ISupervisorCommand)?.Reason;
        Emit(new CommandRejected(Now, Command.GetType().Name, why, by, reason));
    }

    public ClaimBreakdown Claim() =>
        ClaimCalculator.For(Case.DueDate, Case.Balances, Policy.Penalty, Policy.LateFee, Today);
}
