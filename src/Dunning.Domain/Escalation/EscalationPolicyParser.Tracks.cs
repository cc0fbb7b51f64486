namespace Dunning.Domain;

/// <summary>The tracks: how each debtor type bends the ladder. Every step a track names must exist, and the ladder
/// a track produces must still run forwards.</summary>
public static partial class EscalationPolicyParser
{
    private static readonly string[] TrackFields = ["skip", "offsetDays", "jumpTo", "holdForPlan"];

    private static Dictionary<DebtorType, TrackOverride>? ReadTracks(PolicyJsonObject document, List<StepDraft> steps)
    {
        var result = new Dictionary<DebtorType, TrackOverride>();
        if (!document.Has("tracks"))
        {
            return result;
        }

        if (document.Object("tracks", required: false, known: null) is not { } tracks)
        {
            return null;
        }

        foreach (var (name, value) in tracks.Entries)
        {
            var path = tracks.PathOf(name);
            if (!PolicyNames.DebtorTypes.TryGetValue(name, out var type))
            {
                tracks.Problems.Error(path, $"unknown debtor type; expected {PolicyNames.Expected(PolicyNames.DebtorTypes)}");
            }
            else if (PolicyJsonObject.Read(value, path, tracks.Problems, TrackFields) is { } track
                && ReadTrack(track, steps) is { } parsed)
            {
                result[type] = parsed;
            }
        }

        return result;
    }

    private static TrackOverride? ReadTrack(PolicyJsonObject track, List<StepDraft> steps)
    {
        var problems = track.Problems;
        var skip = new List<string>();
        foreach (var (item, path) in track.Array("skip", required: false) ?? [])
        {
            if (PolicyJsonObject.ReadString(item, path, problems) is { } name && NamesStep(name, path, steps, problems))
            {
                skip.Add(name);
            }
        }

        var offsets = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, value) in track.Object("offsetDays", required: false, known: null)?.Entries ?? [])
        {
            var path = $"{track.PathOf("offsetDays")}.{name}";
            if (NamesStep(name, path, steps, problems)
                && PolicyJsonObject.ReadInt(value, path, EarliestOffset, LatestOffset, problems) is { } offset)
            {
                offsets[name] = offset;
            }
        }

        var jumpTo = track.OptionalString("jumpTo");
        if (jumpTo is not null && NamesStep(jumpTo, track.PathOf("jumpTo"), steps, problems) && skip.Contains(jumpTo))
        {
            problems.Error(track.PathOf("jumpTo"), $"jumps to {jumpTo}, which this track skips");
        }

        var holdForPlan = track.OptionalBool("holdForPlan") ?? false;
        var result = new TrackOverride(skip, offsets, jumpTo, holdForPlan);
        CheckTrackOffsetsIncrease(track, result, steps);
        return result;
    }

    private static bool NamesStep(string name, string path, List<StepDraft> steps, PolicyProblems problems)
    {
        if (steps.Any(step => step.Name == name))
        {
            return true;
        }

        problems.Error(path, $"names no step of the ladder: '{name}'");
        return false;
    }

    /// <summary>Walks the ladder as this track runs it (from jumpTo, without skipped steps, with its offsets) and
    /// reports a step out of order at the override that caused it; order errors of the plain ladder were already
    /// reported on the steps.</summary>
    private static void CheckTrackOffsetsIncrease(PolicyJsonObject track, TrackOverride overrides, List<StepDraft> steps)
    {
        var offsetsPath = track.PathOf("offsetDays");
        var start = overrides.JumpTo is { } target ? Math.Max(0, steps.FindIndex(step => step.Name == target)) : 0;
        (string Name, int Offset, bool Overridden)? previous = null;
        for (var index = 0; index < steps.Count; index++)
        {
            if (steps[index] is not { Name: { } name } step)
            {
                continue;
            }

            var overridden = overrides.OffsetDays.TryGetValue(name, out var changed);
            if (index < start || overrides.Skip.Contains(name))
            {
                if (overridden)
                {
                    var reason = index < start ? $"this track jumps past it to {overrides.JumpTo}" : "this track skips that step";
                    track.Problems.Warn($"{offsetsPath}.{name}", $"has no effect: {reason}");
                }

                continue;
            }

            if ((overridden ? changed : step.OffsetDays) is not { } offset)
            {
                continue;
            }

            if (previous is { } before && offset <= before.Offset)
            {
                if (overridden)
                {
                    track.Problems.Error($"{offsetsPath}.{name}",
                        $"must be greater than the offset of {before.Name} on this track ({before.Offset}), but is {offset}");
                }
                else if (before.Overridden)
                {
                    track.Problems.Error($"{offsetsPath}.{before.Name}",
                        $"must be less than the offset of {name} ({offset}), but is {before.Offset}");
                }
            }

            previous = (name, offset, overridden);
        }
    }
}
