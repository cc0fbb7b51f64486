using System.Text.Json;
using Dunning.Domain;

namespace Dunning.Runtime.Tests;

/// <summary>The case-index entry a decision projects carries what a list item shows (the debtor's zone, disputed, the
/// version), and index rows written before those fields existed still read.</summary>
public sealed class ProjectionsTests
{
    private static readonly EscalationPolicy Policy = PolicyCatalog.Default.Latest("default")!;
    private static readonly DateTimeOffset Now = Cases.Local(11, 16, 10);

    [Fact]
    public void GivenANewCase_WhenProjected_ThenTheEntryCarriesTheDebtorsZone()
    {
        var (_, after, events) = Decide(null, Cases.Open(Cases.NewAccount(), Now));

        var entry = Projections.For(null, after, events, Policy, Now)!.Entry;

        Assert.Equal("Asia/Shanghai", entry.DebtorZone);
        Assert.False(entry.Disputed);
        Assert.Equal(after.Version, entry.Version);
    }

    [Fact]
    public void GivenAPausedCase_WhenDisputed_ThenAProjectionShowsItDisputedAtTheNewVersion()
    {
        var (_, opened, _) = Decide(null, Cases.Open(Cases.NewAccount(), Now));
        var (_, paused, _) = Decide(opened, new PauseCase(Now, Cases.Supervisor, "checking the address"));

        var (before, after, events) = Decide(paused, new DisputeCase(Now, Cases.Supervisor, "the debtor says it was paid"));
        var projection = Projections.For(before, after, events, Policy, Now);

        Assert.NotNull(projection);
        Assert.True(projection.Entry.Disputed);
        Assert.Equal(after.Version, projection.Entry.Version);
        Assert.Null(projection.PreviousStatus);
    }

    [Fact]
    public void GivenADecisionThatRecordedNothing_WhenProjected_ThenThereIsNoUpdate()
    {
        var (_, opened, _) = Decide(null, Cases.Open(Cases.NewAccount(), Now));

        Assert.Null(Projections.For(opened, opened, [], Policy, Now));
    }

    [Fact]
    public void GivenAnIndexRowWrittenBeforeZoneAndDisputeWereKept_WhenRead_ThenTheyDefault()
    {
        var (_, after, events) = Decide(null, Cases.Open(Cases.NewAccount(), Now));
        var json = JsonSerializer.SerializeToNode(Projections.For(null, after, events, Policy, Now)!.Entry, DomainJson.Options)!.AsObject();
        json.Remove("debtorZone");
        json.Remove("disputed");

        var old = json.Deserialize<CaseIndexEntry>(DomainJson.Options)!;

        Assert.Null(old.DebtorZone);
        Assert.False(old.Disputed);
        Assert.Equal(after.CaseId, old.CaseId);
    }

    private static (CaseState? Before, CaseState After, IReadOnlyList<CaseEvent> Events) Decide(CaseState? before, CaseCommand command)
    {
        var events = CaseDecider.Decide(before, command, Policy);
        return (before, events.Aggregate(before, CaseEvolution.Evolve)!, events);
    }
}
