using System.CommandLine.Parsing;
using System.Globalization;
using Dunning.Domain;

namespace Dunning.Cli;

/// <summary>The custom parsers of the options' values: each reads the tokens System.CommandLine gave an option and,
/// for a value it cannot take, adds an error naming the option and the expected form (the parse then fails with
/// every such error, and nothing runs).</summary>
internal static class OptionValues
{
    public const int MaxDays = 3650;
    public const string CurrencyOption = "--currency";

    public static DateOnly Date(ArgumentResult result) => Each(result, Date).SingleOrDefault();

    /// <summary>Upper-cased; the amounts' decimals are checked against it once every option is read.</summary>
    public static string Currency(ArgumentResult result) => Each(result, (_, text) =>
    {
        var code = text.Trim().ToUpperInvariant();
        return Currencies.IsKnown(code) ? code : Fail<string>(result, $"{CurrencyOption}: '{text}' is not an ISO 4217 currency code, e.g. CNY, USD, EUR");
    }).SingleOrDefault() ?? "";

    public static decimal Amount(ArgumentResult result) => Each(result, Amount).SingleOrDefault();

    public static string TimeZone(ArgumentResult result) => Each(result, (_, text) =>
        LocalCalendar.TryFindZone(text, out var _) ? text
            : Fail<string>(result, $"--tz: '{text}' is not a known IANA time zone, e.g. Asia/Shanghai or America/New_York")).SingleOrDefault() ?? "";

    public static int Days(ArgumentResult result) => Each(result, (_, text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= MaxDays ? days
            : Fail<int>(result, $"--days: '{text}' is not a whole number of days from 0 to {MaxDays}")).SingleOrDefault();

    /// <summary>date:amount</summary>
    public static List<ScriptedPayment> Payments(ArgumentResult result) => Each(result, (r, text) =>
        Split(r, text, ':', "date:amount, e.g. 2026-11-25:5000") is (var date, var amount)
            ? new ScriptedPayment(Date(r, date), Amount(r, amount))
            : null);

    /// <summary>recordedDate:amount@promiseDate</summary>
    public static List<ScriptedPromise> Promises(ArgumentResult result) => Each(result, (r, text) =>
    {
        const string form = "recordedDate:amount@promiseDate, e.g. 2026-11-24:3000@2026-11-28";
        if (Split(r, text, ':', form) is not (var recorded, var rest) || Split(r, rest, '@', form) is not (var amount, var by))
        {
            return null;
        }

        var promise = new ScriptedPromise(Date(r, recorded), Amount(r, amount), Date(r, by));
        return promise.PromisedBy >= promise.Date ? promise
            : Fail<ScriptedPromise>(r, $"--promise {text}: the promised date comes before the day the promise is recorded");
    });

    /// <summary>Type@date, the type being one of the four debtor types (any letter case).</summary>
    public static List<ScriptedClassification> Classifications(ArgumentResult result) => Each(result, (r, text) =>
    {
        if (Split(r, text, '@', "Type@date, e.g. UnwillingAble@2026-11-22") is not (var typeName, var date))
        {
            return null;
        }

        return Enum.GetValues<DebtorType>().Where(t => string.Equals(t.ToString(), typeName, StringComparison.OrdinalIgnoreCase)).ToList() is [var type]
            ? new ScriptedClassification(Date(r, date), type)
            : Fail<ScriptedClassification>(r, $"--classify: '{typeName}' is not a debtor type; use one of {string.Join(", ", Enum.GetNames<DebtorType>())}");
    });

    /// <summary>firstDay..lastDay, both local dates and both paused.</summary>
    public static List<ScriptedPause> Pauses(ArgumentResult result) => Each(result, (r, text) =>
    {
        var cut = text.IndexOf("..", StringComparison.Ordinal);
        if (cut <= 0 || cut + 2 >= text.Length)
        {
            return Fail<ScriptedPause>(r, $"--pause: '{text}' is not a range; use firstDay..lastDay, e.g. 2026-11-23..2026-11-26");
        }

        var pause = new ScriptedPause(Date(r, text[..cut]), Date(r, text[(cut + 2)..]));
        return pause.LastDay >= pause.Date ? pause : Fail<ScriptedPause>(r, $"--pause {text}: the last day comes before the first");
    });

    private static string OptionName(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;

    private static List<T> Each<T>(ArgumentResult result, Func<ArgumentResult, string, T?> parse) =>
        result.Tokens.Select(token => parse(result, token.Value)).OfType<T>().ToList();

    private static T? Fail<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }

    private static DateOnly Date(ArgumentResult result, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Fail<DateOnly>(result, $"{OptionName(result)}: '{text}' is not a date; use yyyy-MM-dd, e.g. 2026-11-20");

    /// <summary>A positive amount written with digits and an optional '.', with no more decimals than the currency given
    /// with <c>--currency</c> has (CNY 2, JPY 0; a missing or unknown currency is an error of its own).</summary>
    private static decimal Amount(ArgumentResult result, string text)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return Fail<decimal>(result, $"{OptionName(result)}: '{text}' is not an amount; use digits and an optional '.', e.g. 12000 or 99.50");
        }

        if (amount <= 0m)
        {
            return Fail<decimal>(result, $"{OptionName(result)}: the amount must be positive (got '{text}')");
        }

        return CurrencyGiven(result) is not { } currency || amount == Math.Round(amount, Currencies.MinorUnits(currency))
            ? amount
            : Fail<decimal>(result, $"{OptionName(result)}: {currency} has {Currencies.MinorUnits(currency)} decimal place(s), '{text}' has more");
    }

    /// <summary>The known currency <c>--currency</c> names, read from its token: the amounts depend on it.</summary>
    private static string? CurrencyGiven(ArgumentResult result) =>
        result.GetResult(CurrencyOption) is OptionResult { Tokens: [{ Value: var text }] } && text.Trim().ToUpperInvariant() is var code
            && Currencies.IsKnown(code)
            ? code
            : null;

    private static (string Left, string Right)? Split(ArgumentResult result, string text, char separator, string form)
    {
        var cut = text.IndexOf(separator, StringComparison.Ordinal);
        return cut > 0 && cut < text.Length - 1
            ? (text[..cut], text[(cut + 1)..])
            : Fail<(string, string)?>(result, $"{OptionName(result)}: '{text}' does not have the form {form}");
    }
}
