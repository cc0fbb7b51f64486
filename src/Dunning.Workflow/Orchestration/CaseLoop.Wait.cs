using Microsoft.DurableTask;

namespace Dunning.Workflow;

internal sealed partial class CaseLoop
{
    /// <summary>What ended a wait.</summary>
    private enum Wake
    {
        Doorbell,
        Timer,
        Retry,
    }

    /// <summary>Waits for the doorbell, the case's timer (at its due instant on the case's timeline, unless it is the
    /// timer the decider failed on) and, when work is waiting to be retried, the retry timer; whichever comes first.
    /// The timers not taken are cancelled; the doorbell, if not taken, is waited for again next time.</summary>
    private async Task<Wake> WaitAsync(Task<Doorbell> bell)
    {
        using var cancel = new CancellationTokenSource();
        var waits = new List<Task> { bell };
        Task? timer = null;
        Task? retry = null;
        if (Snapshot.State.Timer is { } due && due.Token != _stuckTimer)
        {
            timer = _context.CreateTimer(_clock.ToReal(due.DueAt), cancel.Token);
            waits.Add(timer);
        }

        if (_retryDue || _backlog.Count > 0 || _undelivered.Count > 0)
        {
            retry = _context.CreateTimer(_context.CurrentUtcDateTime + CaseWorkflow.RetryAfter, cancel.Token);
            waits.Add(retry);
        }

        var first = await Task.WhenAny(waits);
        cancel.Cancel();
        return first == bell ? Wake.Doorbell : first == timer ? Wake.Timer : Wake.Retry;
    }
}
