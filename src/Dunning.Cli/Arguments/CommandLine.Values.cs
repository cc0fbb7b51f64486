using System.Globalization;
using Dunning.Domain;

namespace Dunning.Cli;

public static partial class CommandLine
{
    public const int MaxDays = 3650;

    private static DateOnly ParseDate(string option, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"--{option}: '{text}' is not a date; use yyyy-MM-dd, e.g. 2026-11-20");

    private static string ParseCurrency(string text)
    {
        var code = text.Trim().ToUpperInvariant();
        return Currencies.IsKnown(code)
            ? code
            : throw new UsageException($"--currency: '{text}' is not an ISO 4217 currency code, e.g. CNY, USD, EUR");
    }

    /// <summary>A positive amount written with digits and an optional '.', with no more decimals than the currency has.</summary>
    private static decimal ParseAmount(string option, string text, string currency)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw new UsageException($"--{option}: '{text}' is not an amount; use digits and an optional '.', e.g. 12000 or 99.50");
        }

        if (amount <= 0m)
        {
            throw new UsageException($"--{option}: the amount must be positive (got '{text}')");
        }

        var digits = Currencies.MinorUnits(currency);
        return amount == Math.Round(amount, digits)
            ? amount
            : throw new UsageException($"--{option}: {currency} has {digits} decimal place(s), '{text}' has more");
    }

    private static string ParseTimeZone(string text) =>
        LocalCalendar.TryFindZone(text, out _)
            ? text
            : throw new UsageException($"--tz: '{text}' is not a known IANA time zone, e.g. Asia/Shanghai or America/New_York");

    private static int ParseDays(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= MaxDays
            ? days
            : throw new UsageException($"--days: '{text}' is not a whole number of days from 0 to {MaxDays}");

    /// <summary>date:amount</summary>
    private static ScriptedPayment ParsePayment(string text, string currency)
    {
        var (date, amount) = Split(text, ':', "pay", "date:amount, e.g. 2026-11-25:5000");
        return new ScriptedPayment(ParseDate("pay", date), ParseAmount("pay", amount, currency));
    }

    /// <summary>recordedDate:amount@promiseDate</summary>
    private static ScriptedPromise ParsePromise(string text, string currency)
    {
        const string form = "recordedDate:amount@promiseDate, e.g. 2026-11-24:3000@2026-11-28";
        var (recorded, rest) = Split(text, ':', "promise", form);
        var (amount, by) = Split(rest, '@', "promise", form);
        var promise = new ScriptedPromise(ParseDate("promise", recorded), ParseAmount("promise", amount, currency), ParseDate("promise", by));
        return promise.PromisedBy >= promise.Date
            ? promise
            : throw new UsageException($"--promise {text}: the promised date comes before the day the promise is recorded");
    }

    /// <summary>Type@date, the type being one of the four debtor types (any letter case).</summary>
    private static ScriptedClassification ParseClassification(string text)
    {
        var (typeName, date) = Split(text, '@', "classify", "Type@date, e.g. UnwillingAble@2026-11-22");
        var type = Enum.GetValues<DebtorType>().Where(t => string.Equals(t.ToString(), typeName, StringComparison.OrdinalIgnoreCase)).ToList();
        return type is [var found]
            ? new ScriptedClassification(ParseDate("classify", date), found)
            : throw new UsageException($"--classify: '{typeName}' is not a debtor type; use one of {string.Join(", ", Enum.GetNames<DebtorType>())}");
    }

    /// <summary>firstDay..lastDay, both local dates and both paused.</summary>
    private static ScriptedPause ParsePause(string text)
    {
        var cut = text.IndexOf("..", StringComparison.Ordinal);
        if (cut <= 0 || cut + 2 >= text.Length)
        {
            throw new UsageException($"--pause: '{text}' is not a range; use firstDay..lastDay, e.g. 2026-11-23..2026-11-26");
        }

        var pause = new ScriptedPause(ParseDate("pause", text[..cut]), ParseDate("pause", text[(cut + 2)..]));
        return pause.LastDay >= pause.Date
            ? pause
            : throw new UsageException($"--pause {text}: the last day comes before the first");
    }

    private static (string Left, string Right) Split(string text, char separator, string option, string form)
    {
        var cut = text.IndexOf(separator, StringComparison.Ordinal);
        return cut > 0 && cut < text.Length - 1
            ? (text[..cut], text[(cut + 1)..])
            : throw new UsageException($"--{option}: '{text}' does not have the form {form}");
    }
}
