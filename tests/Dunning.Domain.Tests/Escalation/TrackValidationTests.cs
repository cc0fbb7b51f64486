using System.Text.Json.Nodes;

namespace Dunning.Domain.Tests;

/// <summary>Rules of the tracks: only the four debtor types, only existing steps, and a ladder that still runs forwards.</summary>
public sealed class TrackValidationTests
{
    [Fact]
    public void UnknownDebtorType_IsAnError() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => d["tracks"]!["Unwilling"] = new JsonObject()),
            "tracks.Unwilling",
            "unknown debtor type");

    [Fact]
    public void JumpToAStepThatDoesNotExist_IsAnError() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Track(d, "UnwillingUnable")["jumpTo"] = "legal"),
            "tracks.UnwillingUnable.jumpTo",
            "names no step of the ladder: 'legal'");

    [Fact]
    public void SkippingAStepThatDoesNotExist_IsAnError_AtItsIndex() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Track(d, "WillingAble")["skip"] = new JsonArray("field-visit", "site-visit")),
            "tracks.WillingAble.skip[1]",
            "names no step");

    [Fact]
    public void OffsetForAStepThatDoesNotExist_IsAnError() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Track(d, "UnwillingAble")["offsetDays"]!["court"] = 40),
            "tracks.UnwillingAble.offsetDays.court",
            "names no step");

    [Fact]
    public void OverriddenOffsetNotAfterThePreviousStep_IsAnError_AtTheOverride() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Track(d, "UnwillingAble")["offsetDays"]!["field-visit"] = 1),
            "tracks.UnwillingAble.offsetDays.field-visit",
            "must be greater than the offset of first-overdue on this track (1), but is 1");

    [Fact]
    public void OverriddenOffsetNotBeforeTheNextStep_IsAnError_AtTheOverride() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Track(d, "WillingAble")["offsetDays"] = new JsonObject { ["first-overdue"] = 9 }),
            "tracks.WillingAble.offsetDays.first-overdue",
            "must be less than the offset of supervisor-report (7), but is 9");

    [Fact]
    public void SkippedSteps_DoNotTakePartInTheOrder()
    {
        // field-visit (D+3) is skipped, so first-overdue may move past it as long as it stays before D+7.
        var json = PolicyJson.DefaultWith(d => PolicyJson.Track(d, "WillingAble")["offsetDays"]!["first-overdue"] = 5);

        Assert.Empty(EscalationPolicyParser.Parse(json).Errors);
    }

    [Fact]
    public void OverrideOfASkippedStep_IsAccepted_WithAWarning()
    {
        var result = EscalationPolicyParser.Parse(
            PolicyJson.DefaultWith(d => PolicyJson.Track(d, "WillingAble")["offsetDays"]!["field-visit"] = 4));

        Assert.Empty(result.Errors);
        Assert.Contains("tracks.WillingAble.offsetDays.field-visit: has no effect: this track skips that step", result.Warnings);
    }

    [Fact]
    public void JumpToASkippedStep_IsAnError() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Track(d, "UnwillingUnable")["skip"] = new JsonArray("legal-handoff")),
            "tracks.UnwillingUnable.jumpTo",
            "which this track skips");

    [Fact]
    public void HoldForPlan_MustBeABoolean() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Track(d, "WillingUnable")["holdForPlan"] = "yes"),
            "tracks.WillingUnable.holdForPlan",
            "true or false");

    [Fact]
    public void MisspeltTrackField_IsAnError() =>
        PolicyJson.AssertRejected(
            PolicyJson.DefaultWith(d => PolicyJson.Track(d, "UnwillingUnable")["jumpto"] = "legal-handoff"),
            "tracks.UnwillingUnable.jumpto",
            "unknown property");
}
