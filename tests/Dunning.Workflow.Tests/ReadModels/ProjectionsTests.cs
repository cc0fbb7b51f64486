using Dunning.Domain;

namespace Dunning.Workflow.Tests;

/// <summary>The case-index entry a commit projects carries what a list item shows: the debtor's zone, disputed, the
/// version, the operator flag, and the status it moved from.</summary>
public sealed class ProjectionsTests
{
    private static readonly EscalationPolicy Policy = PolicyCatalog.Default.Latest("default")!;
    private static readonly DateTimeOffset Now = Cases.Local(11, 16, 10);

    [Fact]
    public void GivenANewCase_WhenProjected_ThenTheEntryCarriesTheDebtorsZone()
    {
        var (_, after, events) = Decide(null, Cases.Open(Cases.NewAccount(), Now));

        var projection = Projections.For(null, after, events, null, Policy, Now);

        Assert.Equal("Asia/Shanghai", projection.Entry.DebtorZone);
        Assert.False(projection.Entry.Disputed);
        Assert.False(projection.Entry.Flagged);
        Assert.Equal(after.Version, projection.Entry.Version);
        Assert.Null(projection.PreviousStatus);
    }

    [Fact]
    public void GivenAPausedCase_WhenDisputed_ThenAProjectionShowsItDisputedAtTheNewVersion()
    {
        var (_, opened, _) = Decide(null, Cases.Open(Cases.NewAccount(), Now));
        var (_, paused, _) = Decide(opened, new PauseCase(Now, Cases.Supervisor, "checking the address"));

        var (before, after, events) = Decide(paused, new DisputeCase(Now, Cases.Supervisor, "the debtor says it was paid"));
        var projection = Projections.For(before!.Status, after, events, null, Policy, Now);

        Assert.True(projection.Entry.Disputed);
        Assert.Equal(after.Version, projection.Entry.Version);
        Assert.Null(projection.PreviousStatus);
    }

    [Fact]
    public void GivenAnActiveCase_WhenPaused_ThenTheProjectionNamesTheStatusItLeaves()
    {
        var (_, opened, _) = Decide(null, Cases.Open(Cases.NewAccount(), Now));

        var (before, after, events) = Decide(opened, new PauseCase(Now, Cases.Supervisor, "checking the address"));
        var projection = Projections.For(before!.Status, after, events, null, Policy, Now);

        Assert.Equal(CaseStatus.Active, projection.PreviousStatus);
        Assert.Equal(CaseStatus.Paused, projection.Entry.Status);
    }

    [Fact]
    public void GivenAFlaggedCase_WhenProjected_ThenTheEntryCarriesTheFlag()
    {
        var (_, after, events) = Decide(null, Cases.Open(Cases.NewAccount(), Now));

        var projection = Projections.For(null, after, events, "SendSms #3 failed after retries", Policy, Now);

        Assert.True(projection.Entry.Flagged);
        Assert.Equal("SendSms #3 failed after retries", projection.Entry.Flag);
    }

    private static (CaseState? Before, CaseState After, IReadOnlyList<CaseEvent> Events) Decide(CaseState? before, CaseCommand command)
    {
        var events = CaseDecider.Decide(before, command, Policy);
        return (before, events.Aggregate(before, CaseEvolution.Evolve)!, events);
    }
}
