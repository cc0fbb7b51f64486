using System.Globalization;

namespace Dunning.Domain;

/// <summary>The money and timing rules: promises, plans, penalty interest, late fee and severity thresholds.</summary>
public static partial class EscalationPolicyParser
{
    private static readonly string[] PromiseFields = ["graceDays", "maxDaysAhead"];
    private static readonly string[] PlanFields = ["graceDays", "maxMonths", "holdForPlanDays"];
    private static readonly string[] PenaltyFields = ["dailyRate", "startAfterDays", "capRate"];
    private static readonly string[] LateFeeFields = ["afterDays", "amounts"];
    private static readonly string[] SeverityFields = ["mediumAfterDays", "severeAfterDays", "mediumAmount", "severeAmount"];

    private static PromiseRules? ReadPromise(PolicyJsonObject document)
    {
        if (document.Object("promise", required: true, PromiseFields) is not { } promise)
        {
            return null;
        }

        var graceDays = promise.RequiredInt("graceDays", 0, 365);
        var maxDaysAhead = promise.RequiredInt("maxDaysAhead", 1, 365);
        return graceDays is { } grace && maxDaysAhead is { } ahead ? new PromiseRules(grace, ahead) : null;
    }

    private static PlanRules? ReadPlan(PolicyJsonObject document)
    {
        if (document.Object("plan", required: true, PlanFields) is not { } plan)
        {
            return null;
        }

        var graceDays = plan.RequiredInt("graceDays", 0, 365);
        var maxMonths = plan.RequiredInt("maxMonths", 1, 120);
        var holdDays = plan.RequiredInt("holdForPlanDays", 0, 365);
        return graceDays is { } grace && maxMonths is { } months && holdDays is { } hold
            ? new PlanRules(grace, months, hold)
            : null;
    }

    /// <summary>Optional: a policy without penalty terms charges no penalty interest.</summary>
    private static PenaltyTerms? ReadPenalty(PolicyJsonObject document)
    {
        if (document.Object("penalty", required: false, PenaltyFields) is not { } penalty)
        {
            return null;
        }

        // 1% a day is already far beyond any lawful consumer rate; anything above is a typo (e.g. 5 for 0.05%).
        var dailyRate = penalty.RequiredDecimal("dailyRate", 0m, 0.01m);
        var startAfterDays = penalty.RequiredInt("startAfterDays", 0, 365);
        var capRate = penalty.RequiredDecimal("capRate", 0m, 10m);
        return dailyRate is { } daily && startAfterDays is { } start && capRate is { } cap
            ? new PenaltyTerms(daily, start, cap)
            : null;
    }

    /// <summary>Optional: a policy without a late fee charges none.</summary>
    private static LateFee? ReadLateFee(PolicyJsonObject document)
    {
        if (document.Object("lateFee", required: false, LateFeeFields) is not { } lateFee)
        {
            return null;
        }

        var afterDays = lateFee.RequiredInt("afterDays", 0, 365);
        var amounts = lateFee.CurrencyAmounts("amounts", required: true, allowEmpty: false);
        return afterDays is { } after && amounts is not null ? new LateFee(amounts, after) : null;
    }

    private static SeverityRules? ReadSeverity(PolicyJsonObject document)
    {
        if (document.Object("severity", required: true, SeverityFields) is not { } severity)
        {
            return null;
        }

        var mediumAfterDays = severity.RequiredInt("mediumAfterDays", 0, 3650);
        var severeAfterDays = severity.RequiredInt("severeAfterDays", 0, 3650);
        if (mediumAfterDays is { } medium && severeAfterDays is { } severe && medium >= severe)
        {
            severity.Problems.Error(severity.PathOf("mediumAfterDays"),
                $"must be less than severeAfterDays ({severe}), but is {medium}");
        }

        // A currency may have no threshold at all (judged on days only), but where both are set medium comes first.
        var mediumAmount = severity.CurrencyAmounts("mediumAmount", required: true, allowEmpty: true);
        var severeAmount = severity.CurrencyAmounts("severeAmount", required: true, allowEmpty: true);
        foreach (var (currency, mediumLimit) in mediumAmount ?? new Dictionary<string, decimal>())
        {
            if (severeAmount is not null && severeAmount.TryGetValue(currency, out var severeLimit) && mediumLimit >= severeLimit)
            {
                severity.Problems.Error($"{severity.PathOf("mediumAmount")}.{currency}",
                    $"must be less than severeAmount.{currency} ({Number(severeLimit)}), but is {Number(mediumLimit)}");
            }
        }

        return mediumAfterDays is { } m && severeAfterDays is { } s && mediumAmount is not null && severeAmount is not null
            ? new SeverityRules(m, s, mediumAmount, severeAmount)
            : null;
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
