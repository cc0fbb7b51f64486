namespace Dunning.Domain.Tests;

public sealed partial class CaseDeciderTests
{
    private const string AlertSubject = "field visit not reported";
    private const string AlertWhy = "visit k7 was due on 2026-11-23 and has no outcome after 48 hours";

    [Theory]
    [InlineData(Standing.Active)]
    [InlineData(Standing.Paused)]
    [InlineData(Standing.Disputed)]
    [InlineData(Standing.Closed)]
    [InlineData(Standing.HandedToLegal)]
    public void GivenAnyCase_WhenAnAlertIsRaised_ThenItIsKeptForASupervisor_AndChangesNothingElse(Standing standing)
    {
        Given(standing);
        var now = Shanghai(11, 22, 11);

        When(new RaiseAlert(now, AlertSubject, AlertWhy));

        Then(new SupervisorAlertRaised(now, AlertSubject, AlertWhy));
        ThenNoNewTimer();
        Assert.Equal(
            (_state!.Status, _state.Stage, _state.Timer, _state.Outstanding, _state.PendingContacts.Count),
            (After!.Status, After.Stage, After.Timer, After.Outstanding, After.PendingContacts.Count));
    }

    [Fact]
    public void GivenNoCase_WhenAnAlertIsRaised_ThenItIsRejected()
    {
        When(new RaiseAlert(Shanghai(11, 22, 11), AlertSubject, AlertWhy));

        ThenRejected("There is no such case.");
    }
}
