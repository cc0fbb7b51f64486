using System.Text.Json.Serialization;

namespace Dunning.Domain;

/// <summary>An amount in one ISO 4217 currency; amounts of different currencies never mix.</summary>
public readonly record struct Money(decimal Amount, string Currency) : IComparable<Money>
{
    public static Money Zero(string currency) => new(0m, currency);

    [JsonIgnore]
    public bool IsPositive => Amount > 0m;

    [JsonIgnore]
    public bool IsNegative => Amount < 0m;

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, SameCurrency(left, right));
    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, SameCurrency(left, right));
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public static Money Min(Money left, Money right) => left <= right ? left : right;
    public static Money Max(Money left, Money right) => left >= right ? left : right;

    public int CompareTo(Money other)
    {
        SameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>Rounds half away from zero to the currency's minor unit (2 for CNY, 0 for JPY).</summary>
    public Money RoundToMinorUnit() =>
        new(Math.Round(Amount, Currencies.MinorUnits(Currency), MidpointRounding.AwayFromZero), Currency);

    public override string ToString() =>
        $"{Amount.ToString("F" + Currencies.MinorUnits(Currency), System.Globalization.CultureInfo.InvariantCulture)} {Currency}";

    private static string SameCurrency(Money left, Money right) =>
        string.Equals(left.Currency, right.Currency, StringComparison.Ordinal)
            ? left.Currency
            : throw new CurrencyMismatchException(left.Currency, right.Currency);
}
