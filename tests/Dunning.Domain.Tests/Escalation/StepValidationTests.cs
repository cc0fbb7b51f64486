using System.Text.Json.Nodes;

namespace Dunning.Domain.Tests;

/// <summary>Rules of the ladder's steps; every error names the step by index and name, then the field.</summary>
public sealed class StepValidationTests
{
    [Fact]
    public void OffsetNotAfterThePreviousStep_IsAnError_AtThatStepsOffset() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Step(d, 2)["offsetDays"] = 0),
            "steps[2] (first-overdue).offsetDays",
            "must be greater than the offset of the step before it, due-day-reminder (0)");

    [Theory]
    [InlineData(-61)]
    [InlineData(366)]
    public void OffsetOutsideMinus60To365_IsAnError(int offset) =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Step(d, 7)["offsetDays"] = offset),
            "steps[7] (legal-handoff).offsetDays",
            "between -60 and 365");

    [Fact]
    public void OffsetsAtTheLimits_AreAccepted()
    {
        var json = PolicyJson.DefaultWith(d =>
        {
            PolicyJson.Step(d, 0)["offsetDays"] = -60;
            PolicyJson.Step(d, 7)["offsetDays"] = 365;
            d.Remove("tracks");
        });

        Assert.Empty(EscalationPolicyParser.Parse(json).Errors);
    }

    [Fact]
    public void NoSteps_IsAnError() =>
        PolicyJson.AssertRejected(PolicyJson.DefaultWith(d =>
        {
            d["steps"] = new JsonArray();
            d.Remove("tracks");
        }), "steps", "at least one step");

    [Fact]
    public void RepeatedStepName_IsAnError_AtTheSecondOne() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Step(d, 4)["name"] = "field-visit"),
            "steps[4] (field-visit).name",
            "must be unique");

    [Theory]
    [InlineData("FieldVisit")]
    [InlineData("field_visit")]
    [InlineData("field--visit")]
    [InlineData("-visit")]
    [InlineData("")]
    public void StepName_MustBeKebabCase(string name) =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Step(d, 0)["name"] = name),
            $"steps[0] ({name}).name",
            "kebab-case");

    [Fact]
    public void StepWithoutName_IsNamedByIndexOnly() =>
        PolicyJson.AssertRejected(PolicyJson.DefaultWith(d => PolicyJson.Step(d, 0).Remove("name")), "steps[0].name", "is required");

    [Fact]
    public void At_DefaultsToNineInTheMorning()
    {
        var json = PolicyJson.DefaultWith(d => PolicyJson.Step(d, 0).Remove("at"));

        Assert.Equal(new TimeOnly(9, 0), EscalationPolicyParser.Parse(json).Policy!.Steps[0].At);
    }

    [Theory]
    [InlineData("9:00")]
    [InlineData("09:00:00")]
    [InlineData("25:00")]
    [InlineData("nine")]
    public void At_MustBeHHmm(string at) =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Step(d, 1)["at"] = at),
            "steps[1] (due-day-reminder).at",
            "HH:mm");

    [Fact]
    public void StepWithoutActions_IsAnError() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Step(d, 1)["actions"] = new JsonArray()),
            "steps[1] (due-day-reminder).actions",
            "at least one action");

    [Fact]
    public void UnknownAction_IsAnError_AtItsIndex() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Step(d, 2)["actions"] = new JsonArray("sms", "pigeon")),
            "steps[2] (first-overdue).actions[1]",
            "unknown action 'pigeon'");

    [Fact]
    public void RepeatedAction_IsAnError() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Step(d, 1)["actions"] = new JsonArray("sms", "sms")),
            "steps[1] (due-day-reminder).actions[1]",
            "listed twice");

    [Fact]
    public void LegalBeforeTheLastStep_IsAnError() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Step(d, 6)["actions"] = new JsonArray("lawyer-letter", "legal")),
            "steps[6] (lawyer-letter).actions[1]",
            "legal may appear only in the last step");

    [Fact]
    public void LegalInAnEarlyOtherwise_IsAnError() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Step(d, 3)["otherwise"] = new JsonArray("legal")),
            "steps[3] (field-visit).otherwise[0]",
            "legal may appear only in the last step");

    [Fact]
    public void DeadlineOnAStepWithoutANotice_IsAnError() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Step(d, 4)["deadlineDays"] = 7),
            "steps[4] (supervisor-report).deadlineDays",
            "only a step with a demand-notice or lawyer-letter action");

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    public void DeadlineOutside1To90_IsAnError(int days) =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Step(d, 5)["deadlineDays"] = days),
            "steps[5] (demand-notice).deadlineDays",
            "between 1 and 90");

    [Fact]
    public void NoticeWithoutDeadline_IsAccepted_WithAWarning()
    {
        var result = EscalationPolicyParser.Parse(PolicyJson.DefaultWith(d => PolicyJson.Step(d, 6).Remove("deadlineDays")));

        Assert.Empty(result.Errors);
        Assert.Null(result.Policy!.Steps[6].DeadlineDays);
        Assert.Contains(result.Warnings, warning => warning.StartsWith("steps[6] (lawyer-letter):", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("cny")]
    [InlineData("US")]
    [InlineData("EURO")]
    public void ConditionCurrency_MustBeThreeUpperCaseLetters(string currency) =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d["steps"]![3]!["condition"]!["minOutstanding"]![currency] = 100),
            $"steps[3] (field-visit).condition.minOutstanding.{currency}",
            "three upper-case letters");

    [Fact]
    public void ConditionAmount_MustNotBeNegative() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d["steps"]![3]!["condition"]!["minOutstanding"]!["CNY"] = -1),
            "steps[3] (field-visit).condition.minOutstanding.CNY",
            "at least 0");

    [Fact]
    public void ConditionWithoutCurrencies_IsAnError() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d["steps"]![3]!["condition"]!["minOutstanding"] = new JsonObject()),
            "steps[3] (field-visit).condition.minOutstanding",
            "at least one currency");

    [Fact]
    public void OtherwiseWithoutCondition_IsAnError() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Step(d, 3).Remove("condition")),
            "steps[3] (field-visit).otherwise",
            "only when the step has a condition");
}
