using Dunning.Domain;
using Microsoft.DurableTask;

namespace Dunning.Workflow.Tests;

/// <summary>The case loop against a mocked orchestration context: which activities it calls, with which keys, and what it
/// waits for next. No engine, no storage: the decisions are the real decider's.</summary>
public sealed partial class CaseOrchestratorTests
{
    private static readonly EscalationPolicy Policy = PolicyCatalog.Default.Find("default", 1)!;
    private static readonly DateTimeOffset Opened = Cases.Local(11, 16, 10);

    [Fact]
    public async Task GivenTheStepTimerIsDue_WhenItFires_ThenTheStepIsCommittedAndItsEffectsRunUnderTheNextKeys()
    {
        var snapshot = OpenCase(effectSeq: 7);
        var context = new ScriptedContext(snapshot.State.CaseId, Opened);
        var run = Start(context, snapshot);

        var due = snapshot.State.Timer!.DueAt;
        Assert.Equal(RealTime(due), context.Timers[^1].FireAt);
        context.FireLatestTimer();

        var commit = Assert.Single(context.Commits);
        Assert.Equal(snapshot.State.Version, commit.BaseVersion);
        Assert.Equal(snapshot.ETag, commit.ETag);
        Assert.Contains(commit.Events, e => e is StepReached { Step: "pre-due-reminder" });
        var sms = Assert.Single(context.Effects);
        Assert.Equal((snapshot.State.CaseId, 8L, nameof(SendSms)), (sms.CaseId, sms.Seq, sms.Effect.Kind));
        Assert.Equal(8, commit.EffectSeq);
        Assert.True(commit.State.Timer!.DueAt > due);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task GivenAPaymentInFullIsRecorded_WhenTheDoorbellRings_ThenItIsSettledInTheCommitTheLadderEndsAndSoDoesTheWorkflow()
    {
        var snapshot = OpenCase(effectSeq: 3);
        var context = new ScriptedContext(snapshot.State.CaseId, Opened.AddHours(1));
        var run = Start(context, snapshot);

        context.Commands.Add(new RecordedCommand("pay-P1", new ReceivePayment(Opened, "P1", new Money(12000m, "CNY")), Opened, "etag-c1"));
        context.Ring("pay-P1");

        var commit = Assert.Single(context.Commits);
        Assert.Equal([new SettledCommand("pay-P1", "etag-c1")], commit.Commands);
        Assert.Equal(CaseStatus.Closed, commit.State.Status);
        Assert.Null(commit.State.Timer);
        Assert.Equal([nameof(CancelOpenWork)], context.Effects.Select(e => e.Effect.Kind));
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(("Closed", "finished"), (outcome.Status, outcome.Ended));
    }

    [Fact]
    public async Task GivenATimerWhoseCommitFailedAndWentStale_WhenRetried_ThenItChangesNothing()
    {
        var snapshot = OpenCase(effectSeq: 3);
        var stale = new FireTimer(snapshot.State.Timer!.DueAt, "t-from-an-earlier-arming");
        var context = new ScriptedContext(snapshot.State.CaseId, snapshot.State.Timer.DueAt.AddHours(1));

        var run = Start(context, snapshot, backlog: [stale]);

        Assert.Empty(context.Commits);
        Assert.Empty(context.Effects);
        Assert.Equal([nameof(ReadCommands)], context.Calls.Select(c => c.Name));
        Assert.Equal(RealTime(snapshot.State.Timer.DueAt), context.Timers[^1].FireAt);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task GivenAStoredCaseTheDeciderFailsOn_WhenItsTimerFires_ThenTheCaseIsFlaggedAndTheLoopWaitsForAPersonNotForThatTimer()
    {
        // A corrupt snapshot: a repayment plan without installments makes the decider index past the end.
        var good = OpenCase(effectSeq: 3);
        var corrupt = good with { State = good.State with { Plan = new RepaymentPlan([], new Money(0m, "CNY"), 0) } };
        var context = new ScriptedContext(corrupt.State.CaseId, Opened);
        var run = Start(context, corrupt);
        var timers = context.Timers.Count;

        context.FireLatestTimer();

        var flag = Assert.Single(context.Commits);
        Assert.Empty(flag.Events);
        Assert.True(flag.FlagChanged);
        Assert.StartsWith("Deciding FireTimer failed", flag.Flag, StringComparison.Ordinal);
        Assert.Empty(context.Effects);
        Assert.Equal(timers, context.Timers.Count);
        Assert.False(run.IsCompleted);

        // A person's command still gets through, and is settled with the same failure rather than tried forever.
        context.Commands.Add(new RecordedCommand("act-1", new PauseCase(Opened, Cases.Supervisor, "looking into it"), Opened, "etag-a1"));
        context.Ring("act-1");
        Assert.Equal("act-1", Assert.Single(context.Commits.Last().Commands).Id);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task GivenACommitFailsPastItsRetries_WhenTheCommandIsRecorded_ThenItStaysInTheLogAndTheLoopRetriesLater()
    {
        var snapshot = OpenCase(effectSeq: 3);
        var context = new ScriptedContext(snapshot.State.CaseId, Opened.AddHours(1))
        {
            CommitFails = _ => new TaskFailedException(nameof(CommitDecision), 1, new InvalidOperationException("storage down")),
        };
        var run = Start(context, snapshot);

        context.Commands.Add(new RecordedCommand("pay-P2", new ReceivePayment(Opened, "P2", new Money(100m, "CNY")), Opened, "etag-c2"));
        context.Ring("pay-P2");

        Assert.Single(context.Commits);
        Assert.Single(context.Commands);
        var retry = context.Timers[^1];
        Assert.Equal(context.Now + CaseWorkflow.RetryAfter, retry.FireAt);

        context.CommitFails = null;
        context.Now = retry.FireAt;
        retry.Timer.SetResult();

        Assert.Equal(2, context.Commits.Count(c => c.Commands.Any(s => s.Id == "pay-P2")));
        Assert.Empty(context.Commands);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task GivenABurstOfRecordedCommands_WhenDrained_ThenTheyAreDecidedInOrderAndCommittedTogether()
    {
        var snapshot = OpenCase(effectSeq: 3);
        var context = new ScriptedContext(snapshot.State.CaseId, Opened.AddHours(1));
        var run = Start(context, snapshot);
        for (var i = 0; i < 30; i++)
        {
            context.Commands.Add(new RecordedCommand($"pay-{i:D2}", new ReceivePayment(Opened, $"B{i:D2}", new Money(1m, "CNY")), Opened.AddSeconds(i), $"etag-{i}"));
        }

        context.Ring("pay-00");

        var commit = Assert.Single(context.Commits);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"pay-{i:D2}"), commit.Commands.Select(c => c.Id));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"B{i:D2}"), commit.Events.OfType<PaymentApplied>().Select(p => p.PaymentId));
        Assert.Equal(11970m, commit.State.Outstanding.Amount);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task GivenAGenerationHasCalledEnoughActivities_WhenItReachesASafePoint_ThenItContinuesAsNewWithTheSnapshot()
    {
        var snapshot = OpenCase(effectSeq: 3);
        var context = new ScriptedContext(snapshot.State.CaseId, Opened.AddHours(1));
        var run = Start(context, snapshot);

        // Each wake costs a drain and a commit: half as many wakes as a generation's activities reach its safe point.
        for (var i = 0; !run.IsCompleted && i < CaseWorkflow.ActivitiesPerGeneration; i++)
        {
            context.Commands.Add(new RecordedCommand($"act-{i:D3}", new RaiseAlert(Opened, "test", $"alert {i}"), Opened.AddSeconds(i), $"etag-{i}"));
            context.Ring($"act-{i:D3}");
        }

        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("continued as new", outcome.Ended);
        var next = Assert.IsType<CaseRun>(context.ContinuedWith);
        Assert.Equal(2, next.Generation);
        Assert.Equal(context.Commits.Last().State.Version, next.Snapshot!.State.Version);
        Assert.Equal("etag-" + (context.Calls.Count - 1), next.Snapshot.ETag);
        Assert.Equal(CaseWorkflow.ActivitiesPerGeneration / 2, context.Commits.Count());
    }

    [Fact]
    public async Task GivenALostExecutionCommittedAStepBeforeUs_WhenOurCommitConflicts_ThenItsEffectsAreCarriedOutUnderTheirKeysAndOurCommandIsDecidedAgain()
    {
        var snapshot = OpenCase(effectSeq: 3);
        var timer = snapshot.State.Timer!;
        // What the lost execution decided and committed: the pre-due step, with its SMS numbered 4.
        var step = CaseDecider.Decide(snapshot.State, new FireTimer(timer.DueAt, timer.Token), Policy);
        var stored = new CaseSnapshot(step.Aggregate((CaseState?)snapshot.State, CaseEvolution.Evolve)!, 4, null, "etag-lost");
        var context = new ScriptedContext(snapshot.State.CaseId, timer.DueAt.AddHours(1));
        var conflicted = false;
        context.CommitAnswers = _ =>
        {
            if (conflicted)
            {
                return null;
            }

            conflicted = true;
            return new CommitResult(CommitOutcome.Conflict, stored.ETag, stored, [step]);
        };
        var run = Start(context, snapshot);

        context.Commands.Add(new RecordedCommand("pay-P9", new ReceivePayment(Opened, "P9", new Money(100m, "CNY")), Opened, "etag-c9"));
        context.Ring("pay-P9");

        var sms = Assert.Single(context.Effects);
        Assert.Equal((4L, nameof(SendSms)), (sms.Seq, sms.Effect.Kind));
        var commits = context.Commits.ToList();
        Assert.Equal(2, commits.Count);
        Assert.Equal((stored.State.Version, "etag-lost"), (commits[1].BaseVersion, commits[1].ETag));
        Assert.Contains(commits[1].Events, e => e is PaymentApplied);
        Assert.DoesNotContain(commits[1].Events, e => e is StepReached);
        Assert.False(run.IsCompleted);
    }

    private static Task<CaseOutcome> Start(ScriptedContext context, CaseSnapshot snapshot, IReadOnlyList<CaseCommand>? backlog = null) =>
        new CaseOrchestrator().RunAsync(context.Object, new CaseRun(snapshot.State.CaseId, BusinessClock.RealTime, Snapshot: snapshot, Backlog: backlog));

    private static DateTime RealTime(DateTimeOffset business) => business.UtcDateTime;

    /// <summary>A case opened by the real decider four days before its due date: its timer waits for the pre-due reminder.</summary>
    private static CaseSnapshot OpenCase(long effectSeq)
    {
        var open = Cases.Open(Cases.NewAccount(), Opened);
        var state = CaseDecider.Decide(null, open, Policy).Aggregate((CaseState?)null, CaseEvolution.Evolve)!;
        return new CaseSnapshot(state, effectSeq, null, "etag-0");
    }
}
