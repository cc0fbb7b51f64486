namespace Dunning.Domain.Tests;

/// <summary>The case decider as a specification: Given a history (replayed with <see cref="CaseEvolution"/>), When a
/// command is decided under the case's policy, Then these events. One partial file per command; this one is the
/// harness. Timers are left out of a comparison unless the expected events name one.</summary>
public sealed partial class CaseDeciderTests
{
    private readonly List<CaseEvent> _history = [];
    private EscalationPolicy _policy = DefaultPolicy;
    private CaseState? _state;
    private CaseCommand? _command;
    private IReadOnlyList<CaseEvent> _emitted = [];

    /// <summary>Decide under <paramref name="policy"/> (a variant of the default) from here on.</summary>
    private void Using(EscalationPolicy policy) => _policy = policy;

    private void Given(params CaseEvent[] history)
    {
        _history.AddRange(history);
        _state = CaseEvolution.Replay(_history);
    }

    private void Given(Standing standing) => Given(History(standing));

    /// <summary>What the last decision emitted becomes history, so a scenario can go on to its next command.</summary>
    private void GivenTheOutcome() => Given([.. _emitted]);

    private void When(CaseCommand command)
    {
        _command = command;
        _emitted = CaseDecider.Decide(_state, command, _policy);
    }

    /// <summary>The timer the case expects fires with its token, at its due instant unless <paramref name="at"/> says otherwise.</summary>
    private void WhenTheTimerFires(DateTimeOffset? at = null)
    {
        var timer = Assert.IsType<PendingTimer>(_state?.Timer);
        When(new FireTimer(at ?? timer.DueAt, timer.Token));
    }

    /// <summary>The emitted events equal <paramref name="expected"/>, in order; timers count only when one is expected.</summary>
    private void Then(params CaseEvent[] expected)
    {
        var withTimers = expected.Any(e => e is TimerArmed);
        var actual = withTimers ? _emitted : _emitted.Where(e => e is not TimerArmed).ToList();
        if (EventComparison.Difference(expected, actual) is { } difference)
        {
            Assert.Fail($"{difference}{Environment.NewLine}expected:{Environment.NewLine}{EventComparison.Describe(expected)}"
                + $"{Environment.NewLine}actual:{Environment.NewLine}{EventComparison.Describe(actual)}");
        }
    }

    private void ThenNothing() => Assert.True(_emitted.Count == 0, "expected no events but got:" + Environment.NewLine + EventComparison.Describe(_emitted));

    /// <summary>The command was refused and the refusal kept: who asked, why they asked, and why it was refused. A
    /// supervisor's command keeps its actor and reason, an open its operator; the system's (timers, payments, reports)
    /// name the system.</summary>
    private void ThenRejected(string why)
    {
        var command = Assert.IsAssignableFrom<CaseCommand>(_command);
        var rejected = Assert.IsType<CommandRejected>(Assert.Single(_emitted));
        Assert.Equal(command.GetType().Name, rejected.Command);
        Assert.Contains(why, rejected.Why, StringComparison.Ordinal);
        Assert.Equal(command.Now, rejected.At);
        switch (command)
        {
            case ISupervisorCommand supervisor:
                Assert.Equal(supervisor.By, rejected.By);
                Assert.Equal(supervisor.Reason, rejected.Reason);
                break;
            case OpenCase open:
                Assert.Equal(open.By, rejected.By);
                Assert.Null(rejected.Reason);
                break;
            default:
                Assert.Equal(Actor.System, rejected.By);
                Assert.Null(rejected.Reason);
                break;
        }

        Assert.Equal(_state?.Version, After?.Version - 1);
    }

    /// <summary>Exactly one timer was armed, due at <paramref name="dueAt"/> (null: none pending), with a token the
    /// case never used before, so every earlier timer is now stale.</summary>
    private void ThenTimer(DateTimeOffset? dueAt)
    {
        var armed = Assert.Single(_emitted.OfType<TimerArmed>());
        Assert.Equal(dueAt, armed.DueAt);
        Assert.DoesNotContain(armed.Token, _history.OfType<TimerArmed>().Select(t => t.Token));
    }

    private void ThenNoNewTimer() => Assert.Empty(_emitted.OfType<TimerArmed>());

    /// <summary>The one emitted event of type <typeparamref name="T"/>.</summary>
    private T Emitted<T>() where T : CaseEvent => Assert.Single(_emitted.OfType<T>());

    /// <summary>The case after the decision: the history and the emitted events replayed.</summary>
    private CaseState? After => CaseEvolution.Replay(_history.Concat(_emitted));

    /// <summary>What the runtime would do after committing the decision.</summary>
    private IReadOnlyList<CaseEffect> Effects => CaseEffects.Derive(_state, After, _emitted);
}
