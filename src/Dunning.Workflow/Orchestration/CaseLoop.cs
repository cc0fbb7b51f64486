using Dunning.Domain;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Dunning.Workflow;

/// <summary>One generation of a case's workflow: what it holds between awaits, and the loop (decisions in
/// <c>CaseLoop.Decide.cs</c>, effects in <c>CaseLoop.Effects.cs</c>, waiting in <c>CaseLoop.Wait.cs</c>). Everything
/// here is deterministic: it depends only on the input, the results of activities and the replay-safe time.</summary>
internal sealed partial class CaseLoop
{
    private readonly TaskOrchestrationContext _context;
    private readonly PolicyCatalog _policies;
    private readonly ILogger _log;
    private readonly CaseRun _run;
    private readonly string _caseId;
    private readonly BusinessClock _clock;
    private readonly List<CaseCommand> _backlog;
    private readonly List<EffectRequest> _undelivered;
    private readonly HashSet<string> _applied = new(StringComparer.Ordinal);
    private CaseSnapshot? _snapshot;
    private string? _stuckTimer;
    private DateTimeOffset _floor;
    private int _activities;

    /// <summary>Set when work failed past its retries: the next wait ends after <see cref="CaseWorkflow.RetryAfter"/>.</summary>
    private bool _retryDue;

    public CaseLoop(TaskOrchestrationContext context, CaseRun run, PolicyCatalog policies)
    {
        _context = context;
        _policies = policies;
        _run = run;
        _caseId = run.CaseId;
        _clock = run.Clock;
        _log = context.CreateReplaySafeLogger<CaseOrchestrator>();
        _snapshot = run.Snapshot;
        _backlog = [.. run.Backlog ?? []];
        _undelivered = [.. run.Undelivered ?? []];
        _stuckTimer = run.StuckTimer;
        _floor = run.Floor ?? DateTimeOffset.MinValue;
    }

    public async Task<CaseOutcome> RunAsync()
    {
        if (_snapshot is null)
        {
            if (_run.Open is { } open)
            {
                // An accepted open is never dropped: while its commit keeps failing past its retries, try again later.
                while (!await ApplyAsync(open, settled: null))
                {
                    await _context.CreateTimer(_context.CurrentUtcDateTime + CaseWorkflow.RetryAfter, CancellationToken.None);
                }
            }
            else
            {
                _snapshot = await CallAsync<CaseSnapshot?>(nameof(LoadCase), _caseId);
            }

            if (_snapshot is null)
            {
                return End("no such case");
            }
        }

        Task<Doorbell>? bell = null;
        var drain = true;
        while (true)
        {
            if (drain)
            {
                await DrainAsync();
            }

            if (!_retryDue)
            {
                await WorkOffBacklogAsync();
            }

            ShowProgress();
            if (_activities >= _run.ActivitiesPerGeneration)
            {
                return ContinueAsNew();
            }

            if (IsFinished)
            {
                return End("finished");
            }

            bell ??= _context.WaitForExternalEvent<Doorbell>(Doorbell.EventName);
            var wake = await WaitAsync(bell);
            switch (wake)
            {
                case Wake.Doorbell:
                    // A doorbell for a command this generation applied already needs no drain (a burst of commands rings
                    // many times, and the first drain took them all); any other wake drains, which also finds commands
                    // whose doorbell the engine lost.
                    drain = !_applied.Contains(bell.Result.CommandId);
                    bell = null;
                    break;
                case Wake.Timer:
                    // No drain: a command rings its doorbell when recorded (and the sweep rings again one whose doorbell
                    // was lost), so a timer wake finds nothing a drain would, and skipping it saves an activity and an
                    // episode per step.
                    await FireTimerAsync();
                    drain = false;
                    break;
                default:
                    // A retry wake drains: a command whose commit failed past its retries waits in the log for it.
                    _retryDue = false;
                    await RetryUndeliveredAsync();
                    drain = true;
                    break;
            }
        }
    }

    private CaseSnapshot Snapshot => _snapshot ?? throw new InvalidOperationException($"Case {_caseId} has no snapshot yet.");

    /// <summary>Closed or with legal, no timer, nothing left to retry: a later command restarts the workflow.</summary>
    private bool IsFinished =>
        Snapshot.State is { IsOpen: false, Timer: null } && _backlog.Count == 0 && _undelivered.Count == 0 && !_retryDue;

    /// <summary>Business time now: the orchestration's replay-safe time on the case's timeline, never before an instant
    /// the case has already reached.</summary>
    private DateTimeOffset Now()
    {
        var now = _clock.ToBusiness(_context.CurrentUtcDateTime);
        _floor = now > _floor ? now : _floor;
        return _floor;
    }

    private async Task DrainAsync()
    {
        var commands = await CallAsync<IReadOnlyList<RecordedCommand>>(nameof(ReadCommands), _caseId);
        var work = commands.Where(c => !_applied.Contains(c.Id)).Select(c => new Work(c.Command, new SettledCommand(c.Id, c.ETag), c.TraceParent)).ToList();
        while (work.Count > 0)
        {
            var consumed = await ApplyAsync(work);
            if (consumed == 0)
            {
                // The commit failed past its retries; the commands stay in the log, in order, for the next wake.
                return;
            }

            foreach (var done in work.Take(consumed))
            {
                _applied.Add(done.Settled!.Id);
            }

            work.RemoveRange(0, consumed);
        }
    }

    private async Task WorkOffBacklogAsync()
    {
        while (_backlog.Count > 0)
        {
            var command = _backlog[0];
            _backlog.RemoveAt(0);
            if (!await ApplyAsync(command, settled: null))
            {
                _backlog.Insert(0, command);
                return;
            }
        }
    }

    private CaseOutcome ContinueAsNew()
    {
        CancelTimers();
        WorkflowLog.ContinuedAsNew(_log, _caseId, _run.Generation, Snapshot.State.Version);
        _context.ContinueAsNew(
            _run with
            {
                Open = null,
                Snapshot = Snapshot,
                Backlog = [.. _backlog],
                Undelivered = [.. _undelivered],
                StuckTimer = _stuckTimer,
                Floor = _floor,
                Generation = _run.Generation + 1,
            },
            preserveUnprocessedEvents: true);
        return new CaseOutcome(_caseId, Snapshot.State.Status.ToString(), Snapshot.State.Version, "continued as new");
    }

    private CaseOutcome End(string why)
    {
        CancelTimers();
        WorkflowLog.Ended(_log, _caseId, why, _snapshot?.State.Version ?? 0);
        return new CaseOutcome(_caseId, _snapshot?.State.Status.ToString(), _snapshot?.State.Version ?? 0, why);
    }

    private void ShowProgress()
    {
        var state = Snapshot.State;
        _context.SetCustomStatus(new CaseProgress(state.Status.ToString(), state.Stage, state.Version, state.Timer?.DueAt,
            _undelivered.Count, Snapshot.Flagged, _run.Generation));
    }

    private Task<T> CallAsync<T>(string activity, object input)
    {
        _activities++;
        return _context.CallActivityAsync<T>(activity, input, CaseWorkflow.ActivityRetry);
    }
}
