namespace Dunning.Domain;

/// <summary>The words a policy document may use, and the shapes of its identifiers.</summary>
internal static class PolicyNames
{
    public static IReadOnlyDictionary<string, StepAction> Actions { get; } = new Dictionary<string, StepAction>(StringComparer.Ordinal)
    {
        ["sms"] = StepAction.Sms,
        ["email"] = StepAction.Email,
        ["call"] = StepAction.Call,
        ["visit"] = StepAction.Visit,
        ["report"] = StepAction.Report,
        ["demand-notice"] = StepAction.DemandNotice,
        ["lawyer-letter"] = StepAction.LawyerLetter,
        ["legal"] = StepAction.Legal,
    };

    public static IReadOnlyDictionary<string, ContactChannel> Channels { get; } = new Dictionary<string, ContactChannel>(StringComparer.Ordinal)
    {
        ["sms"] = ContactChannel.Sms,
        ["email"] = ContactChannel.Email,
        ["call"] = ContactChannel.Call,
        ["visit"] = ContactChannel.Visit,
        ["letter"] = ContactChannel.Letter,
    };

    public static IReadOnlyDictionary<string, DebtorType> DebtorTypes { get; } =
        Enum.GetValues<DebtorType>().ToDictionary(type => type.ToString(), StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, DayOfWeek> Days { get; } =
        Enum.GetValues<DayOfWeek>().ToDictionary(day => day.ToString(), StringComparer.Ordinal);

    /// <summary>Written notices state a payment deadline; only they may carry deadlineDays.</summary>
    public static bool IsNotice(StepAction action) => action is StepAction.DemandNotice or StepAction.LawyerLetter;

    public static bool IsPolicyId(string value) => value.Length > 0 && value.All(c => IsLowerAlphanumeric(c) || c == '-');

    /// <summary>Lower-case words of letters and digits joined by single hyphens: <c>field-visit</c>.</summary>
    public static bool IsKebabCase(string value) =>
        value.Split('-').All(word => word.Length > 0 && word.All(IsLowerAlphanumeric));

    /// <summary>An ISO 4217 code: three upper-case letters.</summary>
    public static bool IsCurrencyCode(string value) => value.Length == 3 && value.All(char.IsAsciiLetterUpper);

    public static string Expected<T>(IReadOnlyDictionary<string, T> names) => string.Join(", ", names.Keys);

    private static bool IsLowerAlphanumeric(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
