namespace Dunning.Domain.Tests;

/// <summary>The embedded default policy is the ladder of ARCHITECTURE section 3, with the documented rules.</summary>
public sealed class DefaultPolicyTests
{
    private static readonly TimeOnly NineAm = new(9, 0);

    private static EscalationPolicy Parsed()
    {
        var result = EscalationPolicyParser.Parse(PolicyJson.Default);
        Assert.Empty(result.Errors);
        return result.Policy!;
    }

    [Fact]
    public void DefaultDocument_Parses_WithoutErrorsOrWarnings()
    {
        var result = EscalationPolicyParser.Parse(PolicyJson.Default);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.NotNull(result.Policy);
        Assert.Equal(("default", 1), (result.Policy.Id, result.Policy.Version));
    }

    [Theory]
    [InlineData(0, "pre-due-reminder", -3, new[] { StepAction.Sms })]
    [InlineData(1, "due-day-reminder", 0, new[] { StepAction.Sms, StepAction.Email })]
    [InlineData(2, "first-overdue", 1, new[] { StepAction.Sms, StepAction.Email, StepAction.Call })]
    [InlineData(3, "field-visit", 3, new[] { StepAction.Visit })]
    [InlineData(4, "supervisor-report", 7, new[] { StepAction.Report, StepAction.Email })]
    [InlineData(5, "demand-notice", 14, new[] { StepAction.DemandNotice })]
    [InlineData(6, "lawyer-letter", 21, new[] { StepAction.LawyerLetter })]
    [InlineData(7, "legal-handoff", 30, new[] { StepAction.Legal })]
    public void DefaultLadder_MatchesTheArchitectureTable(int index, string name, int offsetDays, StepAction[] actions)
    {
        var step = Parsed().Steps[index];

        Assert.Equal(name, step.Name);
        Assert.Equal(offsetDays, step.OffsetDays);
        Assert.Equal(NineAm, step.At);
        Assert.Equal(actions, step.Actions);
    }

    [Fact]
    public void DefaultLadder_HasEightSteps_WithConditionsOnlyOnFieldVisit_AndDeadlinesOnlyOnNotices()
    {
        var steps = Parsed().Steps;

        Assert.Equal(8, steps.Count);
        var visit = steps[3];
        Assert.Equal(new Dictionary<string, decimal> { ["CNY"] = 5000m, ["USD"] = 700m, ["EUR"] = 650m }, visit.Condition!.MinOutstanding);
        Assert.Equal([StepAction.Call], visit.Otherwise);
        Assert.All(steps.Where(step => step.Name != "field-visit"), step => Assert.Null(step.Condition));
        Assert.Equal([null, null, null, null, null, 7, 7, null], steps.Select(step => step.DeadlineDays));
    }

    [Fact]
    public void DefaultContact_IsEightToNine_VisitsInWorkingHours_CallsSevenInSeven()
    {
        var contact = Parsed().Contact;

        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(21, 0), null), (contact.Window.Start, contact.Window.End, contact.Window.Days));
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(21, 0)), (contact.WindowFor("US").Start, contact.WindowFor("US").End));
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(18, 0)), (contact.VisitHours.Start, contact.VisitHours.End));
        Assert.True(contact.VisitHours.Days!.SetEquals(ContactWindow.WorkingHours.Days!));
        Assert.Equal(new ContactCap(7, TimeSpan.FromDays(7), TimeSpan.FromDays(7)), contact.CapFor(ContactChannel.Call));
        Assert.Equal(new ContactCap(3, TimeSpan.FromDays(7), TimeSpan.Zero), contact.CapFor(ContactChannel.Sms));
        Assert.Equal(new ContactCap(3, TimeSpan.FromDays(7), TimeSpan.Zero), contact.CapFor(ContactChannel.Email));
        Assert.Null(contact.CapFor(ContactChannel.Letter));
    }

    [Fact]
    public void DefaultRules_HoldTheDocumentedValues()
    {
        var policy = Parsed();

        Assert.Equal(new PromiseRules(2, 60), policy.Promise);
        Assert.Equal(new PlanRules(3, 24, 7), policy.Plan);
        Assert.Equal(new PenaltyTerms(0.0005m, 1, 0.24m), policy.Penalty);
        Assert.Equal(1, policy.LateFee!.AfterDays);
        Assert.Equal(new Dictionary<string, decimal> { ["CNY"] = 50m, ["USD"] = 10m, ["EUR"] = 10m }, policy.LateFee.AmountByCurrency);
        Assert.Equal((31, 91), (policy.Severity.MediumAfterDays, policy.Severity.SevereAfterDays));
        Assert.Equal(new Dictionary<string, decimal> { ["CNY"] = 10000m, ["USD"] = 1500m }, policy.Severity.MediumAmount);
        Assert.Equal(new Dictionary<string, decimal> { ["CNY"] = 50000m, ["USD"] = 7500m }, policy.Severity.SevereAmount);
    }

    [Fact]
    public void DefaultTracks_FollowTheFourDebtorTypes()
    {
        var policy = Parsed();

        var willingAble = policy.TrackFor(DebtorType.WillingAble);
        Assert.Equal(["field-visit"], willingAble.Skip);
        Assert.Equal(new Dictionary<string, int> { ["legal-handoff"] = 60 }, willingAble.OffsetDays);
        Assert.True(policy.TrackFor(DebtorType.WillingUnable).HoldForPlan);
        Assert.Equal(
            new Dictionary<string, int> { ["field-visit"] = 2, ["supervisor-report"] = 5, ["demand-notice"] = 7, ["lawyer-letter"] = 10, ["legal-handoff"] = 15 },
            policy.TrackFor(DebtorType.UnwillingAble).OffsetDays);
        Assert.Equal("legal-handoff", policy.TrackFor(DebtorType.UnwillingUnable).JumpTo);
        Assert.Equal(4, policy.Tracks.Count);
    }

    [Fact]
    public void CatalogDefault_HoldsTheEmbeddedDocument()
    {
        var policy = PolicyCatalog.Default.Find("default", 1);

        Assert.NotNull(policy);
        Assert.Equal(Parsed().Steps.Select(step => (step.Name, step.OffsetDays)), policy.Steps.Select(step => (step.Name, step.OffsetDays)));
    }
}
