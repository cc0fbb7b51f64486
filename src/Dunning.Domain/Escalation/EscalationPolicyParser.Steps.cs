using System.Text.Json;

namespace Dunning.Domain;

/// <summary>The ladder: its steps, their actions and conditions, and the order of their offsets.</summary>
public static partial class EscalationPolicyParser
{
    private const int EarliestOffset = -60;
    private const int LatestOffset = 365;
    private static readonly TimeOnly DefaultAt = new(9, 0);
    private static readonly string[] StepFields =
        ["name", "offsetDays", "at", "actions", "condition", "otherwise", "deadlineDays"];
    private static readonly string[] ConditionFields = ["minOutstanding"];

    /// <summary>A step as read, kept even when invalid so that later checks (order, tracks) still see its name,
    /// offset and path. <paramref name="Step"/> is null when the step has an error.</summary>
    private sealed record StepDraft(string Path, string? Name, int? OffsetDays, EscalationStep? Step);

    private static List<StepDraft> ReadSteps(PolicyJsonObject document)
    {
        if (document.Array("steps", required: true) is not { } items)
        {
            return [];
        }

        if (items.Count == 0)
        {
            document.Problems.Error("steps", "needs at least one step");
        }

        var drafts = new List<StepDraft>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < items.Count; index++)
        {
            var draft = ReadStep(items[index].Element, index, isLast: index == items.Count - 1, document.Problems);
            if (draft.Name is { } name && !names.Add(name))
            {
                document.Problems.Error($"{draft.Path}.name", "another step already has this name; step names must be unique");
            }

            drafts.Add(draft);
        }

        CheckOffsetsIncrease(drafts, document.Problems);
        return drafts;
    }

    private static StepDraft ReadStep(JsonElement element, int index, bool isLast, PolicyProblems problems)
    {
        // The path names the step as well as its index, so an author finds it without counting.
        var label = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("name", out var named)
            && named.ValueKind == JsonValueKind.String ? named.GetString() : null;
        var path = label is null ? $"steps[{index}]" : $"steps[{index}] ({label})";
        if (PolicyJsonObject.Read(element, path, problems, StepFields) is not { } step)
        {
            return new StepDraft(path, null, null, null);
        }

        var name = step.RequiredString("name");
        if (name is not null && !PolicyNames.IsKebabCase(name))
        {
            problems.Error(step.PathOf("name"), "must be kebab-case: lower-case words joined by '-', e.g. field-visit");
        }

        var offsetDays = step.RequiredInt("offsetDays", EarliestOffset, LatestOffset);
        var at = step.OptionalTime("at") ?? DefaultAt;
        var actions = ReadActions(step, "actions", required: true, isLast);
        var condition = ReadCondition(step);
        var otherwise = ReadActions(step, "otherwise", required: false, isLast);
        if (otherwise is not null && !step.Has("condition"))
        {
            problems.Error(step.PathOf("otherwise"), "applies only when the step has a condition");
        }

        var notices = (actions ?? []).Concat(otherwise ?? []).Any(PolicyNames.IsNotice);
        var deadlineDays = step.OptionalInt("deadlineDays", 1, 90);
        if (step.Has("deadlineDays") && actions is not null && !notices)
        {
            problems.Error(step.PathOf("deadlineDays"), "only a step with a demand-notice or lawyer-letter action states a deadline");
        }
        else if (notices && !step.Has("deadlineDays"))
        {
            problems.Warn(path, "a written notice without deadlineDays states no payment deadline");
        }

        var conditionRead = condition is not null || !step.Has("condition");
        var parsed = name is not null && offsetDays is { } offset && actions is not null && conditionRead
            ? new EscalationStep(name, offset, at, actions, condition, otherwise, deadlineDays)
            : null;
        return new StepDraft(path, name, offsetDays, parsed);
    }

    private static List<StepAction>? ReadActions(PolicyJsonObject step, string field, bool required, bool isLast)
    {
        if (step.Array(field, required) is not { } items)
        {
            return null;
        }

        if (items.Count == 0)
        {
            step.Problems.Error(step.PathOf(field), field == "actions"
                ? "needs at least one action"
                : "needs at least one action; omit otherwise to do nothing when the condition fails");
        }

        var actions = new List<StepAction>();
        foreach (var (item, path) in items)
        {
            if (PolicyJsonObject.ReadString(item, path, step.Problems) is not { } name)
            {
                continue;
            }

            if (!PolicyNames.Actions.TryGetValue(name, out var action))
            {
                step.Problems.Error(path, $"unknown action '{name}'; expected {PolicyNames.Expected(PolicyNames.Actions)}");
            }
            else if (actions.Contains(action))
            {
                step.Problems.Error(path, $"{name} is listed twice");
            }
            else
            {
                // Legal hand-off ends automated contact, so nothing may follow it on the ladder.
                if (action == StepAction.Legal && !isLast)
                {
                    step.Problems.Error(path, "legal may appear only in the last step");
                }

                actions.Add(action);
            }
        }

        return actions;
    }

    private static StepCondition? ReadCondition(PolicyJsonObject step)
    {
        if (step.Object("condition", required: false, ConditionFields) is not { } condition)
        {
            return null;
        }

        var minOutstanding = condition.CurrencyAmounts("minOutstanding", required: true, allowEmpty: false);
        return minOutstanding is null ? null : new StepCondition(minOutstanding);
    }

    /// <summary>Offsets must strictly increase: two steps on one day would race for the same timer slot, and an
    /// earlier offset after a later one would run the ladder backwards.</summary>
    private static void CheckOffsetsIncrease(List<StepDraft> drafts, PolicyProblems problems)
    {
        StepDraft? previous = null;
        foreach (var draft in drafts.Where(d => d.OffsetDays is not null))
        {
            if (previous is not null && draft.OffsetDays <= previous.OffsetDays)
            {
                problems.Error($"{draft.Path}.offsetDays",
                    $"must be greater than the offset of the step before it, {previous.Name ?? previous.Path} ({previous.OffsetDays}), but is {draft.OffsetDays}");
            }

            previous = draft;
        }
    }
}
