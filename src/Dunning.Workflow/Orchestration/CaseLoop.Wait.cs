using Dunning.Domain;

namespace Dunning.Workflow;

internal sealed partial class CaseLoop
{
    /// <summary>The durable timer armed for the case's current timer (its token and due instant), kept across waits:
    /// a burst of doorbells must not arm a timer each.</summary>
    private (Task Task, PendingTimer For, CancellationTokenSource Cancel)? _caseTimer;

    /// <summary>The timer that ends a wait for work waiting to be retried; kept until it fires.</summary>
    private (Task Task, CancellationTokenSource Cancel)? _retryTimer;

    /// <summary>What ended a wait.</summary>
    private enum Wake
    {
        Doorbell,
        Timer,
        Retry,
    }

    /// <summary>Waits for the doorbell, the case's timer (at its due instant on the case's timeline, unless it is the
    /// timer the decider failed on) and, when work is waiting to be retried, the retry timer; whichever comes first.
    /// Each timer is armed once and waited on again until it fires; a case timer the case no longer expects is cancelled.</summary>
    private async Task<Wake> WaitAsync(Task<Doorbell> bell)
    {
        var expected = Snapshot.State.Timer is { } due && due.Token != _stuckTimer ? due : null;
        if (_caseTimer is { } armed && armed.For != expected)
        {
            armed.Cancel.Cancel();
            armed.Cancel.Dispose();
            _caseTimer = null;
        }

        if (expected is not null && _caseTimer is null)
        {
            var cancel = new CancellationTokenSource();
            _caseTimer = (_context.CreateTimer(_clock.ToReal(expected.DueAt), cancel.Token), expected, cancel);
        }

        if (_retryTimer is null && (_retryDue || _backlog.Count > 0 || _undelivered.Count > 0))
        {
            var cancel = new CancellationTokenSource();
            _retryTimer = (_context.CreateTimer(_context.CurrentUtcDateTime + CaseWorkflow.RetryAfter, cancel.Token), cancel);
        }

        var waits = new List<Task> { bell };
        if (_caseTimer is { } timer)
        {
            waits.Add(timer.Task);
        }

        if (_retryTimer is { } retry)
        {
            waits.Add(retry.Task);
        }

        var first = await Task.WhenAny(waits);
        if (first == bell)
        {
            return Wake.Doorbell;
        }

        if (_caseTimer is { } fired && first == fired.Task)
        {
            fired.Cancel.Dispose();
            _caseTimer = null;
            return Wake.Timer;
        }

        _retryTimer?.Cancel.Dispose();
        _retryTimer = null;
        return Wake.Retry;
    }

    /// <summary>Cancels the timers still armed: a generation with a timer outstanding would never be recorded as ended
    /// (nor continue as new), the engine waiting for that timer.</summary>
    private void CancelTimers()
    {
        foreach (var cancel in new[] { _caseTimer?.Cancel, _retryTimer?.Cancel })
        {
            cancel?.Cancel();
            cancel?.Dispose();
        }

        _caseTimer = null;
        _retryTimer = null;
    }
}
