using System.Globalization;
using Dunning.Domain;

namespace Dunning.Channels.Templates;

/// <summary>Amounts and dates as a reader of <see cref="Culture"/> expects them.</summary>
public sealed class LocaleFormat(CultureInfo culture)
{
    public CultureInfo Culture { get; } = culture;

    /// <summary>The locale's own currency with its symbol and pattern ("¥12,345.67" in zh-CN, "$1,234.50" in en-US);
    /// any other currency with its ISO code ("CNY 12,345.67" in en-US), so no reader mistakes one dollar for another.</summary>
    public string Amount(Money money)
    {
        var digits = Currencies.IsKnown(money.Currency) ? Currencies.MinorUnits(money.Currency) : 2;
        if (string.Equals(LocalCurrency(), money.Currency, StringComparison.Ordinal))
        {
            return money.Amount.ToString("C" + digits.ToString(CultureInfo.InvariantCulture), Culture);
        }

        return $"{money.Currency} {money.Amount.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), Culture)}";
    }

    /// <summary>A calendar date in the locale's long form without the weekday ("2026年11月20日", "November 20, 2026").</summary>
    public string Date(DateOnly date) => Culture.TwoLetterISOLanguageName switch
    {
        "zh" => date.ToString("yyyy年M月d日", Culture),
        "en" => date.ToString("MMMM d, yyyy", Culture),
        _ => date.ToString("D", Culture),
    };

    /// <summary>A date in the current or coming months, for an SMS, where every character counts: "11月20日", "Nov 20".</summary>
    public string MonthDay(DateOnly date) => Culture.TwoLetterISOLanguageName switch
    {
        "zh" => date.ToString("M月d日", Culture),
        "en" => date.ToString("MMM d", Culture),
        _ => date.ToString("M", Culture),
    };

    private string? LocalCurrency()
    {
        try
        {
            return new RegionInfo(Culture.Name).ISOCurrencySymbol;
        }
        catch (ArgumentException)
        {
            // A neutral culture ("en") has no region, hence no currency of its own.
            return null;
        }
    }
}
