using System.Text.Json.Nodes;

namespace Dunning.Domain.Tests;

/// <summary>The default policy with its timing and contact rules changed: step offsets (kept strictly increasing, and
/// the tracks' overrides with them) and local times, windows, caps, promise and plan rules. Step names and actions
/// stay the default's. It becomes a real policy only through <see cref="EscalationPolicyParser"/>, so a variant the
/// parser refuses is a generator bug, not a silent skip.</summary>
public sealed record PolicyVariant(
    IReadOnlyList<int> Offsets,
    IReadOnlyList<TimeOnly> Times,
    WindowSpec Window,
    WindowSpec UsWindow,
    WindowSpec VisitHours,
    IReadOnlyList<CapSpec> Caps,
    int PromiseGraceDays,
    int PromiseMaxDaysAhead,
    int PlanGraceDays,
    int PlanMaxMonths,
    int HoldForPlanDays,
    int WillingAbleLegalDelay,
    IReadOnlyList<int> UnwillingAbleGaps)
{
    private static readonly string[] UnwillingAbleSteps = ["field-visit", "supervisor-report", "demand-notice", "lawyer-letter", "legal-handoff"];

    /// <summary>Exactly the embedded default policy, written as a variant.</summary>
    public static PolicyVariant Default { get; } = new(
        [-3, 0, 1, 3, 7, 14, 21, 30],
        Enumerable.Repeat(new TimeOnly(9, 0), 8).ToArray(),
        new WindowSpec(new(8, 0), new(21, 0)),
        new WindowSpec(new(8, 0), new(21, 0)),
        new WindowSpec(new(9, 0), new(18, 0), [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]),
        [new CapSpec("call", 7, 7, 7), new CapSpec("sms", 3, 7, 0), new CapSpec("email", 3, 7, 0)],
        2, 60, 3, 24, 7, 30, [1, 3, 2, 3, 5]);

    public EscalationPolicy ToPolicy()
    {
        var parsed = EscalationPolicyParser.Parse(ToJson());
        return parsed.Policy ?? throw new InvalidOperationException(
            $"The generated policy is invalid: {string.Join("; ", parsed.Errors)}\n{this}");
    }

    public string ToJson()
    {
        var document = JsonNode.Parse(DefaultPolicyText.Value)!.AsObject();
        document["id"] = "generated";
        var steps = document["steps"]!.AsArray();
        for (var i = 0; i < steps.Count; i++)
        {
            steps[i]!["offsetDays"] = Offsets[i];
            steps[i]!["at"] = WindowSpec.Clock(Times[i]);
        }

        document["contact"] = new JsonObject
        {
            ["window"] = Window.ToJson(),
            ["jurisdictions"] = new JsonObject { ["US"] = UsWindow.ToJson() },
            ["visitHours"] = VisitHours.ToJson(),
            ["caps"] = new JsonObject(Caps.Select(cap => KeyValuePair.Create(cap.Channel, (JsonNode?)cap.ToJson()))),
        };
        document["promise"] = new JsonObject { ["graceDays"] = PromiseGraceDays, ["maxDaysAhead"] = PromiseMaxDaysAhead };
        document["plan"] = new JsonObject { ["graceDays"] = PlanGraceDays, ["maxMonths"] = PlanMaxMonths, ["holdForPlanDays"] = HoldForPlanDays };

        var tracks = document["tracks"]!.AsObject();
        tracks["WillingAble"]!["offsetDays"] = new JsonObject { ["legal-handoff"] = Offsets[^1] + WillingAbleLegalDelay };

        // The accelerated track counts on from first-overdue (index 2), which it does not override.
        var accelerated = new JsonObject();
        var offset = Offsets[2];
        for (var i = 0; i < UnwillingAbleSteps.Length; i++)
        {
            offset += UnwillingAbleGaps[i];
            accelerated[UnwillingAbleSteps[i]] = offset;
        }

        tracks["UnwillingAble"]!["offsetDays"] = accelerated;
        return document.ToJsonString();
    }

    public override string ToString() =>
        "steps [" + string.Join(", ", Offsets.Zip(Times, (offset, at) => $"D{offset:+0;-0;+0}@{WindowSpec.Clock(at)}")) + "]"
        + $"; window {Window}, US {UsWindow}, visits {VisitHours}; caps [{string.Join(", ", Caps)}]"
        + $"; promise grace {PromiseGraceDays}d max {PromiseMaxDaysAhead}d; plan grace {PlanGraceDays}d max {PlanMaxMonths}mo hold {HoldForPlanDays}d"
        + $"; WillingAble legal +{WillingAbleLegalDelay}d; UnwillingAble gaps [{string.Join(",", UnwillingAbleGaps)}]";

    private static readonly Lazy<string> DefaultPolicyText = new(() =>
    {
        using var stream = typeof(EscalationPolicy).Assembly.GetManifestResourceStream("Dunning.Domain.Policies.default.json")
            ?? throw new InvalidOperationException("The embedded default policy is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
