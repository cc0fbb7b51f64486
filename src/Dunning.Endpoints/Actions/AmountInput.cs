using System.Text.Json;
using Dunning.Endpoints.Cases;
using Dunning.Endpoints.Http;
using Dunning.Domain;

namespace Dunning.Endpoints.Actions;

/// <summary>Reads an amount given either as a bare number (in the case's currency) or as <c>{ "amount", "currency" }</c>.</summary>
public static class AmountInput
{
    public static Money? Read(JsonElement? value, string caseCurrency, string field, ValidationErrors errors)
    {
        switch (value)
        {
            case { ValueKind: JsonValueKind.Number } number when number.TryGetDecimal(out var amount):
                return MoneyChecks.Check(amount, caseCurrency, field, errors);
            case { ValueKind: JsonValueKind.Object } money:
                MoneyRequest? parsed;
                try
                {
                    parsed = money.Deserialize<MoneyRequest>(DomainJson.Options);
                }
                catch (JsonException)
                {
                    parsed = null;
                }

                if (parsed is null)
                {
                    break;
                }

                var checkedMoney = MoneyChecks.Check(parsed.Amount, parsed.Currency ?? caseCurrency, field, errors);
                if (checkedMoney is { } m && m.Currency != caseCurrency)
                {
                    errors.Add($"{field}.currency", $"The case is in {caseCurrency}; give the amount in {caseCurrency}.");
                    return null;
                }

                return checkedMoney;
        }

        errors.Add(field, $"Give the amount as a number in {caseCurrency} or as {{ \"amount\": 100.00, \"currency\": \"{caseCurrency}\" }}.");
        return null;
    }
}
