using System.Text.Json;
using Dunning.Domain;

namespace Dunning.Workflow.Tests;

/// <summary>An episode lost with its host: the engine sends an episode's activity messages before it saves the episode's
/// history, so a host that dies in between leaves a commit done (and its result on its way) for a decision the workflow
/// no longer remembers. Taken up again later, the same work is decided at a later instant, so differently (here a
/// pre-due SMS at 09:00 becomes a contact deferred at 22:00). The loop must then hold to the decision storage has, and
/// carry out its effects, which nobody has: adopting the stored case without them loses them, and taking the lost
/// commit's result for its own leaves its state unlike its history.</summary>
public sealed partial class CaseOrchestratorTests
{
    [Fact]
    public async Task GivenALostEpisodeCommittedTheTimersDecision_WhenDecidedAgainLaterItConflicts_ThenTheStoredDecisionIsTakenAtItsInstantAndItsEffectsCarriedOut()
    {
        var snapshot = OpenCase(effectSeq: 7);
        var due = snapshot.State.Timer!.DueAt;
        var lost = Decided(snapshot, new FireTimer(due, snapshot.State.Timer.Token), due, "etag-lost");
        var context = new ScriptedContext(snapshot.State.CaseId, Opened)
        {
            // Storage holds the lost decision: deciding the same at its instant finds it there (a commit that is already in).
            CommitAnswers = request => request.DecidedAt == due
                ? CommitResult.Committed("etag-lost", due)
                : new CommitResult(CommitOutcome.Conflict, lost.ETag, lost),
        };
        var run = Start(context, snapshot);

        FireLatestTimerAt(context, due.AddHours(13));

        AssertTakesTheLostDecision(context, lost, due);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task GivenALostEpisodeCommittedTheTimersDecision_WhenItsCommitsResultAnswersTheLaterDecision_ThenTheStoredDecisionIsTakenAtItsInstantAndItsEffectsCarriedOut()
    {
        var snapshot = OpenCase(effectSeq: 7);
        var due = snapshot.State.Timer!.DueAt;
        var lost = Decided(snapshot, new FireTimer(due, snapshot.State.Timer.Token), due, "etag-lost");
        var context = new ScriptedContext(snapshot.State.CaseId, Opened)
        {
            // The lost episode's commit result arrives as the answer to the later commit (the engine matches results by
            // task number, and both commits are the same task of the workflow).
            CommitAnswers = _ => CommitResult.Committed("etag-lost", due),
        };
        var run = Start(context, snapshot);

        FireLatestTimerAt(context, due.AddHours(13));

        AssertTakesTheLostDecision(context, lost, due);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task GivenTheLaterDecisionWentInFirst_WhenTheLostEpisodesCommitsConflictIsTheAnswer_ThenItIsTakenAsItsOwnAndItsEffectsCarriedOut()
    {
        var snapshot = OpenCase(effectSeq: 7);
        var due = snapshot.State.Timer!.DueAt;
        var late = due.AddHours(2);
        var own = Decided(snapshot, new FireTimer(due, snapshot.State.Timer.Token), late, "etag-own");
        var answers = 0;
        var context = new ScriptedContext(snapshot.State.CaseId, Opened)
        {
            // This decision's commit went in; the lost episode's commit then met it, and its conflict is the answer that
            // arrives first. Deciding the same at that instant again finds it in (a commit that is already in).
            CommitAnswers = request => ++answers == 1
                ? new CommitResult(CommitOutcome.Conflict, own.ETag, own)
                : CommitResult.Committed("etag-own", request.DecidedAt),
        };
        var run = Start(context, snapshot);

        FireLatestTimerAt(context, late);

        Assert.Equal([late, late], context.Commits.Select(c => c.DecidedAt));
        Assert.Equal(Json(own.State), Json(context.Commits.Last().State));
        var sms = Assert.Single(context.Effects);
        Assert.Equal((8L, nameof(SendSms)), (sms.Seq, sms.Effect.Kind));
        Assert.False(run.IsCompleted);
    }

    private static void AssertTakesTheLostDecision(ScriptedContext context, CaseSnapshot lost, DateTimeOffset due)
    {
        Assert.Equal([due.AddHours(13), due], context.Commits.Select(c => c.DecidedAt));
        Assert.Equal(Json(lost.State), Json(context.Commits.Last().State));
        Assert.Equal(lost.EffectSeq, context.Commits.Last().EffectSeq);
        var sms = Assert.Single(context.Effects);
        Assert.Equal((8L, nameof(SendSms)), (sms.Seq, sms.Effect.Kind));
    }

    private static void FireLatestTimerAt(ScriptedContext context, DateTimeOffset business)
    {
        context.Now = RealTime(business);
        context.Timers[^1].Timer.SetResult();
    }

    /// <summary>What a workflow commits deciding <paramref name="command"/> at <paramref name="at"/> on <paramref name="before"/>.</summary>
    private static CaseSnapshot Decided(CaseSnapshot before, CaseCommand command, DateTimeOffset at, string etag)
    {
        var events = CaseDecider.Decide(before.State, command with { Now = at }, Policy);
        var after = events.Aggregate((CaseState?)before.State, CaseEvolution.Evolve)!;
        var effects = CaseEffects.Derive(before.State, after, events).Count(e => e is not ArmTimer);
        return new CaseSnapshot(after, before.EffectSeq + effects, null, etag, at);
    }

    private static string Json(CaseState state) => JsonSerializer.Serialize(state, DomainJson.Options);
}
