using Dunning.Domain;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Dunning.Workflow.Tests;

/// <summary>A <see cref="TaskOrchestrationContext"/> mocked as the Durable docs show, scripted for the case loop: the
/// test sets the time, answers activities, and completes the timer or the doorbell the loop waits on; every activity
/// call is recorded in order.</summary>
public sealed class ScriptedContext
{
    private readonly Mock<TaskOrchestrationContext> _mock = new(MockBehavior.Strict);
    private TaskCompletionSource<Doorbell> _bell = new();

    public ScriptedContext(string caseId, DateTimeOffset now)
    {
        Now = now.UtcDateTime;
        _mock.SetupGet(c => c.InstanceId).Returns(caseId);
        _mock.SetupGet(c => c.CurrentUtcDateTime).Returns(() => Now);
        _mock.SetupGet(c => c.IsReplaying).Returns(false);
        _mock.Setup(c => c.CreateReplaySafeLogger<CaseOrchestrator>()).Returns(NullLogger.Instance);
        _mock.Setup(c => c.SetCustomStatus(It.IsAny<object?>()));
        _mock.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>()))
            .Callback<object?, bool>((input, _) => ContinuedWith = (CaseRun?)input);
        _mock.Setup(c => c.WaitForExternalEvent<Doorbell>(Doorbell.EventName, It.IsAny<CancellationToken>())).Returns(() => _bell.Task);
        _mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns<DateTime, CancellationToken>((fireAt, _) =>
            {
                var timer = new TaskCompletionSource();
                Timers.Add((fireAt, timer));
                return timer.Task;
            });
        _mock.Setup(c => c.CallActivityAsync<IReadOnlyList<RecordedCommand>>(nameof(ReadCommands), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns<TaskName, object?, TaskOptions?>((name, input, _) => Record(name, input, Task.FromResult(Mailbox())));
        _mock.Setup(c => c.CallActivityAsync<CommitResult>(nameof(CommitDecision), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns<TaskName, object?, TaskOptions?>((name, input, _) => Record(name, input, Commit((CommitRequest)input!)));
        _mock.Setup(c => c.CallActivityAsync<CaseSnapshot?>(nameof(LoadCase), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns<TaskName, object?, TaskOptions?>((name, input, _) => Record(name, input, Task.FromResult(Stored)));
        foreach (var effect in CaseWorkflow.EffectActivities)
        {
            _mock.Setup(c => c.CallActivityAsync<EffectResult>(effect, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
                .Returns<TaskName, object?, TaskOptions?>((name, input, _) => Record(name, input, Task.FromResult(new EffectResult([]))));
        }
    }

    public TaskOrchestrationContext Object => _mock.Object;

    public DateTime Now { get; set; }

    /// <summary>What LoadCase answers.</summary>
    public CaseSnapshot? Stored { get; set; }

    /// <summary>The commands ReadCommands answers with, each time it is called, until the test changes them.</summary>
    public List<RecordedCommand> Commands { get; } = [];

    /// <summary>When set, CommitDecision fails this way (the activity's retries exhausted).</summary>
    public Func<CommitRequest, Exception?>? CommitFails { get; set; }

    /// <summary>When set and answering, what CommitDecision returns instead of committing (what storage held, or the result
    /// of another execution's commit).</summary>
    public Func<CommitRequest, CommitResult?>? CommitAnswers { get; set; }

    public List<(string Name, object? Input)> Calls { get; } = [];

    public List<(DateTime FireAt, TaskCompletionSource Timer)> Timers { get; } = [];

    public CaseRun? ContinuedWith { get; private set; }

    public IEnumerable<CommitRequest> Commits => Calls.Where(c => c.Name == nameof(CommitDecision)).Select(c => (CommitRequest)c.Input!);

    public IEnumerable<EffectRequest> Effects => Calls.Where(c => CaseWorkflow.EffectActivities.Contains(c.Name)).Select(c => (EffectRequest)c.Input!);

    /// <summary>Rings the doorbell the loop waits on (and arms a fresh one for the next wait).</summary>
    public void Ring(string commandId)
    {
        var bell = _bell;
        _bell = new TaskCompletionSource<Doorbell>();
        bell.SetResult(new Doorbell(commandId));
    }

    /// <summary>Fires the latest timer the loop created, at its own instant.</summary>
    public void FireLatestTimer()
    {
        var (fireAt, timer) = Timers[^1];
        Now = fireAt;
        timer.SetResult();
    }

    private IReadOnlyList<RecordedCommand> Mailbox() => [.. Commands];

    private Task<CommitResult> Commit(CommitRequest request)
    {
        if (CommitFails?.Invoke(request) is { } failure)
        {
            return Task.FromException<CommitResult>(failure);
        }

        if (CommitAnswers?.Invoke(request) is { } answer)
        {
            return Task.FromResult(answer);
        }

        foreach (var settled in request.Commands)
        {
            Commands.RemoveAll(c => c.Id == settled.Id);
        }

        return Task.FromResult(CommitResult.Committed($"etag-{Calls.Count}", request.DecidedAt));
    }

    private Task<T> Record<T>(TaskName name, object? input, Task<T> result)
    {
        Calls.Add((name.Name, input));
        return result;
    }
}
