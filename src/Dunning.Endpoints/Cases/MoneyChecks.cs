using Dunning.Endpoints.Http;
using Dunning.Domain;

namespace Dunning.Endpoints.Cases;

/// <summary>An amount is positive, in a known ISO 4217 currency, and has no more decimals than its minor unit.</summary>
public static class MoneyChecks
{
    public static Money? Check(decimal? amount, string? currency, string field, ValidationErrors errors)
    {
        var ok = true;
        if (currency is null || !Currencies.IsKnown(currency))
        {
            errors.Add($"{field}.currency", "Give a known ISO 4217 currency code in upper case, such as CNY, USD or EUR.");
            ok = false;
        }

        if (amount is not > 0m)
        {
            errors.Add($"{field}.amount", "Give an amount greater than zero.");
            ok = false;
        }
        else if (ok && decimal.Round(amount.Value, Currencies.MinorUnits(currency!)) != amount.Value)
        {
            errors.Add($"{field}.amount", $"{currency} amounts have at most {Currencies.MinorUnits(currency!)} decimal places.");
            ok = false;
        }

        return ok ? new Money(amount!.Value, currency!) : null;
    }
}
