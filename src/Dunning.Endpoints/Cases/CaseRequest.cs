namespace Dunning.Endpoints.Cases;

/// <summary>The body of POST /api/cases and one element of a JSON campaign. Everything is optional at parse time so
/// that every missing field can be reported at once.</summary>
public sealed record CaseRequest(
    string? AccountId,
    string? InvoiceId,
    DebtorRequest? Debtor,
    MoneyRequest? AmountDue,
    DateOnly? DueDate,
    string? Policy);

/// <summary>Who owes and how to reach them.</summary>
public sealed record DebtorRequest(
    string? Name,
    string? Phone,
    string? Email,
    string? TimeZone,
    string? Locale,
    string? Address);

/// <summary>An amount as sent: <c>{ "amount": 12000.00, "currency": "CNY" }</c>.</summary>
public sealed record MoneyRequest(decimal? Amount, string? Currency);
