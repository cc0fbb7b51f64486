namespace Dunning.Domain;

/// <summary>Works out what a debtor owes on a given day: principal, simple penalty interest and the late fee.</summary>
public static class ClaimCalculator
{
    /// <summary>
    /// The claim on <paramref name="asOf"/> (all dates are the debtor's local dates).
    /// <list type="bullet">
    /// <item><b>Balances</b>: ordered by date; the first entry is the original principal, each entry sets the overdue
    /// principal from its date on. Before the first entry nothing is outstanding. All entries share one currency.</item>
    /// <item><b>Principal</b>: the outstanding of the last entry dated on or before <paramref name="asOf"/>, floored
    /// at zero (a negative balance is a credit, not a negative debt).</item>
    /// <item><b>Penalty interest</b> (simple, never compounded): for every day d with
    /// d &gt; <paramref name="dueDate"/>, d &gt; <paramref name="dueDate"/> + <see cref="PenaltyTerms.StartAfterDays"/>
    /// and d &lt;= <paramref name="asOf"/>, add <see cref="PenaltyTerms.DailyRate"/> times the principal in force at
    /// the start of day d, i.e. of the last entry dated strictly before d (a payment on day d counts from d + 1),
    /// floored at zero. The sum is capped at <see cref="PenaltyTerms.CapRate"/> times the original principal, then
    /// rounded once, half away from zero, to the currency's minor unit. No penalty terms: no interest.</item>
    /// <item><b>Fees</b>: the late fee for the currency once <paramref name="asOf"/> &gt;=
    /// <paramref name="dueDate"/> + <see cref="LateFee.AfterDays"/>; zero without a fee or without an amount for
    /// the currency.</item>
    /// </list>
    /// Runs in O(number of balance entries), whatever the number of days.
    /// </summary>
    /// <exception cref="ArgumentException">No balances, balances out of date order, an unknown currency, or a
    /// negative rate.</exception>
    /// <exception cref="CurrencyMismatchException">The balances are not all in one currency.</exception>
    public static ClaimBreakdown For(
        DateOnly dueDate,
        IReadOnlyList<BalanceChange> balances,
        PenaltyTerms? penalty,
        LateFee? lateFee,
        DateOnly asOf)
    {
        var currency = CheckedCurrency(balances);
        return new ClaimBreakdown(
            asOf,
            PrincipalOn(balances, asOf),
            PenaltyInterest(dueDate, balances, penalty, asOf),
            Fees(dueDate, lateFee, currency, asOf));
    }

    private static Money PrincipalOn(IReadOnlyList<BalanceChange> balances, DateOnly asOf)
    {
        var inForce = Money.Zero(balances[0].Outstanding.Currency);
        foreach (var change in balances)
        {
            if (change.Date > asOf)
                break;
            inForce = change.Outstanding;
        }

        return FlooredAtZero(inForce);
    }

    private static Money PenaltyInterest(
        DateOnly dueDate, IReadOnlyList<BalanceChange> balances, PenaltyTerms? penalty, DateOnly asOf)
    {
        var currency = balances[0].Outstanding.Currency;
        if (penalty is null)
            return Money.Zero(currency);
        if (penalty.DailyRate < 0m || penalty.CapRate < 0m)
            throw new ArgumentException("Penalty rates cannot be negative.", nameof(penalty));

        // Interest days are (lastFreeDay, asOf]; max() keeps a negative StartAfterDays from reaching before the due date.
        var lastFreeDay = dueDate.DayNumber + Math.Max(0, penalty.StartAfterDays);
        var lastDay = asOf.DayNumber;

        // Entry i is in force at the start of the days (date_i, date_i+1], the last one for every later day.
        var principalDays = 0m;
        for (var i = 0; i < balances.Count; i++)
        {
            var from = Math.Max(balances[i].Date.DayNumber, lastFreeDay);
            var to = i + 1 < balances.Count ? Math.Min(balances[i + 1].Date.DayNumber, lastDay) : lastDay;
            if (from >= lastDay)
                break;
            if (to > from)
                principalDays += FlooredAtZero(balances[i].Outstanding).Amount * (to - from);
        }

        var cap = penalty.CapRate * FlooredAtZero(balances[0].Outstanding).Amount;
        var interest = Math.Min(penalty.DailyRate * principalDays, cap);
        return new Money(interest, currency).RoundToMinorUnit();
    }

    private static Money Fees(DateOnly dueDate, LateFee? lateFee, string currency, DateOnly asOf) =>
        lateFee is not null
        && asOf >= dueDate.AddDays(lateFee.AfterDays)
        && lateFee.AmountByCurrency.TryGetValue(currency, out var amount)
            ? new Money(amount, currency)
            : Money.Zero(currency);

    private static string CheckedCurrency(IReadOnlyList<BalanceChange> balances)
    {
        ArgumentNullException.ThrowIfNull(balances);
        if (balances.Count == 0)
            throw new ArgumentException("A claim needs at least the original principal.", nameof(balances));

        var currency = balances[0].Outstanding.Currency;
        if (!Currencies.IsKnown(currency))
            throw new ArgumentException($"'{currency}' is not a known ISO 4217 currency code.", nameof(balances));

        for (var i = 1; i < balances.Count; i++)
        {
            if (!string.Equals(balances[i].Outstanding.Currency, currency, StringComparison.Ordinal))
                throw new CurrencyMismatchException(currency, balances[i].Outstanding.Currency);
            if (balances[i].Date < balances[i - 1].Date)
                throw new ArgumentException($"Balance changes must be ordered by date; {balances[i].Date:O} follows {balances[i - 1].Date:O}.", nameof(balances));
        }

        return currency;
    }

    private static Money FlooredAtZero(Money money) => money.IsNegative ? Money.Zero(money.Currency) : money;
}
