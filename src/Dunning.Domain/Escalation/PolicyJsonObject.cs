using System.Globalization;
using System.Text.Json;

namespace Dunning.Domain;

/// <summary>One JSON object of a policy document, read field by field with each mistake reported at its path.
/// Unknown and repeated property names are errors: a misspelt key must not fall back silently to a default.
/// Every reader that returns null for a present or required field has reported why.</summary>
internal sealed class PolicyJsonObject
{
    private readonly Dictionary<string, JsonElement> fields = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, JsonElement>> entries = [];

    private PolicyJsonObject(string path, PolicyProblems problems)
    {
        Path = path;
        Problems = problems;
    }

    /// <summary>The path of this object; empty for the document root.</summary>
    public string Path { get; }

    public PolicyProblems Problems { get; }

    /// <summary>The properties in document order, for objects that are maps (currencies, channels, tracks).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonElement>> Entries => entries;

    /// <summary>Reads <paramref name="element"/> as an object whose property names must be among
    /// <paramref name="known"/>; a null <paramref name="known"/> makes it a map that takes any name.</summary>
    public static PolicyJsonObject? Read(JsonElement element, string path, PolicyProblems problems, IReadOnlyCollection<string>? known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Error(path.Length == 0 ? "$" : path, "must be an object");
            return null;
        }

        var result = new PolicyJsonObject(path, problems);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = result.PathOf(property.Name);
            if (known is not null && !known.Contains(property.Name))
            {
                problems.Error(propertyPath, $"unknown property; expected one of {string.Join(", ", known)}");
            }
            else if (!result.fields.TryAdd(property.Name, property.Value))
            {
                problems.Error(propertyPath, "appears more than once");
            }
            else
            {
                result.entries.Add(new(property.Name, property.Value));
            }
        }

        return result;
    }

    public string PathOf(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    /// <summary>True when the property is present with a non-null value.</summary>
    public bool Has(string name) => fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public JsonElement? Field(string name, bool required)
    {
        if (Has(name))
        {
            return fields[name];
        }

        if (required)
        {
            Problems.Error(PathOf(name), "is required");
        }

        return null;
    }

    public PolicyJsonObject? Object(string name, bool required, IReadOnlyCollection<string>? known) =>
        Field(name, required) is { } value ? Read(value, PathOf(name), Problems, known) : null;

    public IReadOnlyList<(JsonElement Element, string Path)>? Array(string name, bool required)
    {
        if (Field(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Problems.Error(PathOf(name), "must be an array");
            return null;
        }

        return value.EnumerateArray().Select((item, index) => (item, $"{PathOf(name)}[{index}]")).ToList();
    }

    public int? RequiredInt(string name, int min, int max) => Int(name, min, max, required: true);

    public int? OptionalInt(string name, int min, int max) => Int(name, min, max, required: false);

    public decimal? RequiredDecimal(string name, decimal min, decimal max) =>
        Field(name, required: true) is { } value ? ReadDecimal(value, PathOf(name), min, max, Problems) : null;

    public string? RequiredString(string name) =>
        Field(name, required: true) is { } value ? ReadString(value, PathOf(name), Problems) : null;

    public string? OptionalString(string name) =>
        Field(name, required: false) is { } value ? ReadString(value, PathOf(name), Problems) : null;

    public TimeOnly? RequiredTime(string name) => Time(name, required: true);

    public TimeOnly? OptionalTime(string name) => Time(name, required: false);

    public bool? OptionalBool(string name)
    {
        if (Field(name, required: false) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Problems.Error(PathOf(name), "must be true or false");
        return null;
    }

    /// <summary>A map from ISO currency code to a non-negative amount, e.g. <c>{ "CNY": 5000, "USD": 700 }</c>.</summary>
    public IReadOnlyDictionary<string, decimal>? CurrencyAmounts(string name, bool required, bool allowEmpty)
    {
        if (Object(name, required, known: null) is not { } map)
        {
            return null;
        }

        if (map.Entries.Count == 0 && !allowEmpty)
        {
            Problems.Error(map.Path, "needs at least one currency");
        }

        var amounts = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (currency, value) in map.Entries)
        {
            var path = map.PathOf(currency);
            if (!PolicyNames.IsCurrencyCode(currency))
            {
                Problems.Error(path, "is not a currency code; use three upper-case letters such as CNY or USD");
            }

            if (ReadDecimal(value, path, 0m, decimal.MaxValue, Problems) is { } amount)
            {
                amounts[currency] = amount;
            }
        }

        return amounts;
    }

    public static string? ReadString(JsonElement value, string path, PolicyProblems problems)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problems.Error(path, "must be a string");
        return null;
    }

    public static int? ReadInt(JsonElement value, string path, int min, int max, PolicyProblems problems)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            problems.Error(path, "must be a whole number");
            return null;
        }

        if (number < min || number > max)
        {
            problems.Error(path, $"must be between {min} and {max}, but is {number}");
            return null;
        }

        return number;
    }

    private static decimal? ReadDecimal(JsonElement value, string path, decimal min, decimal max, PolicyProblems problems)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            problems.Error(path, "must be a number");
            return null;
        }

        if (number < min || number > max)
        {
            var range = max == decimal.MaxValue
                ? $"at least {min.ToString(CultureInfo.InvariantCulture)}"
                : $"between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}";
            problems.Error(path, $"must be {range}, but is {number.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return number;
    }

    private int? Int(string name, int min, int max, bool required) =>
        Field(name, required) is { } value ? ReadInt(value, PathOf(name), min, max, Problems) : null;

    /// <summary>Times of day are written exactly as HH:mm in the debtor's local time.</summary>
    private TimeOnly? Time(string name, bool required)
    {
        if (Field(name, required) is not { } value || ReadString(value, PathOf(name), Problems) is not { } text)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        Problems.Error(PathOf(name), $"must be a time of day written HH:mm, e.g. 09:00, but is '{text}'");
        return null;
    }
}
