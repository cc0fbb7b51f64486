using System.Collections;
using System.Reflection;

namespace Dunning.Domain.Tests;

/// <summary>Compares expected events with emitted ones field by field, so a failure names the field that differs.</summary>
internal static class EventComparison
{
    /// <summary>Null when both sequences hold the same events in the same order, otherwise what differs.</summary>
    public static string? Difference(IReadOnlyList<CaseEvent> expected, IReadOnlyList<CaseEvent> actual)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            if (Difference(expected[i], actual[i]) is { } difference)
            {
                return $"event {i}: {difference}";
            }
        }

        return expected.Count == actual.Count ? null : $"expected {expected.Count} events but got {actual.Count}";
    }

    private static string? Difference(CaseEvent expected, CaseEvent actual)
    {
        if (expected.GetType() != actual.GetType())
        {
            return $"expected {expected.Type} but got {actual.Type}";
        }

        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var want = property.GetValue(expected);
            var got = property.GetValue(actual);
            if (!Same(want, got))
            {
                return $"{expected.Type}.{property.Name} expected {Show(want)} but got {Show(got)}";
            }
        }

        return null;
    }

    private static bool Same(object? expected, object? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null;
        }

        // Lists (plan installments) compare by their items; records and values by their own equality, which for
        // DateTimeOffset means the same instant whatever the offset.
        if (expected is IEnumerable items && expected is not string && actual is IEnumerable others)
        {
            return items.Cast<object?>().SequenceEqual(others.Cast<object?>());
        }

        return Equals(expected, actual);
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>()) + "]",
        _ => value.ToString() ?? "",
    };

    public static string Describe(IEnumerable<CaseEvent> events) =>
        string.Join(Environment.NewLine, events.Select(e => "  " + e));
}
