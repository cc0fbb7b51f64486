using Dunning.Domain;

namespace Dunning.Endpoints.CaseViews;

/// <summary>GET /api/cases/{caseId}/details: what a supervisor's state card shows beyond GET /api/cases/{caseId}: the
/// claim broken down (principal, penalty interest, fees) as of the debtor's today, the promise or plan in force, the
/// debtor's zone and locale (to show local times), the opt-outs, and the steps of the pinned policy (to escalate to).
/// Contact details stay out: the messages and work items show where a contact went.</summary>
public sealed record CaseDetails(
    string CaseId,
    string DebtorName,
    string DebtorTimeZone,
    string DebtorLocale,
    DateTimeOffset OpenedAt,
    string? CampaignId,
    ClaimView Claim,
    PromiseView? Promise,
    PlanView? Plan,
    DateTimeOffset? HoldUntil,
    IReadOnlyList<ContactChannel> OptOuts,
    int PromisesKept,
    int BrokenPromises,
    PolicyView Policy)
{
    public static CaseDetails From(CaseState s, EscalationPolicy policy, DateTimeOffset now)
    {
        var today = LocalCalendar.DateOf(now, s.Debtor.Zone);
        var claim = ClaimCalculator.For(s.DueDate, s.Balances, policy.Penalty, policy.LateFee, today);
        return new CaseDetails(
            s.CaseId,
            s.Debtor.Name,
            s.Debtor.TimeZone,
            s.Debtor.Locale,
            s.OpenedAt,
            s.CampaignId,
            new ClaimView(claim.AsOf, claim.Principal, claim.PenaltyInterest, claim.Fees, claim.Total),
            s.Promise is { } p ? new PromiseView(p.Amount, p.Date, p.HoldUntil, p.Paid, p.Kept) : null,
            s.Plan is { } plan ? new PlanView(plan.Installments, plan.Paid, plan.NextInstallment) : null,
            s.HoldUntil,
            [.. s.OptOuts],
            s.PromisesKept,
            s.BrokenPromises,
            new PolicyView(policy.Id, policy.Version, [.. policy.Steps.Select(step => step.Name)]));
    }
}

/// <summary>The claim on <see cref="AsOf"/> (the debtor's local date): <see cref="Total"/> = principal + interest + fees.</summary>
public sealed record ClaimView(DateOnly AsOf, Money Principal, Money PenaltyInterest, Money Fees, Money Total);

/// <summary>A promise to pay in force: escalation waits until <see cref="HoldUntil"/>.</summary>
public sealed record PromiseView(Money Amount, DateOnly Date, DateTimeOffset HoldUntil, Money Paid, bool Kept);

/// <summary>A repayment plan in force; <see cref="NextInstallment"/> indexes the first installment not yet checked.</summary>
public sealed record PlanView(IReadOnlyList<Installment> Installments, Money Paid, int NextInstallment);

/// <summary>The policy version the case pinned when it opened, and its ladder's step names in order.</summary>
public sealed record PolicyView(string Id, int Version, IReadOnlyList<string> Steps);
