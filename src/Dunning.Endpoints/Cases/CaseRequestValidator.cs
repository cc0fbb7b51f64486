using Dunning.Endpoints.Http;
using Dunning.Domain;

namespace Dunning.Endpoints.Cases;

/// <summary>Checks a case request and, when it is valid, builds the OpenCase command. Every problem is reported with
/// the field it belongs to, so a caller (or a campaign row report) can fix them all at once.</summary>
public sealed class CaseRequestValidator(PolicyCatalog policies)
{
    public const string DefaultPolicy = "default";
    private const int MaxKeyLength = 128;

    public OpenCase? Validate(CaseRequest request, DateTimeOffset now, Actor by, string? campaignId, ValidationErrors errors)
    {
        var accountId = Key(request.AccountId, "accountId", errors);
        var invoiceId = Key(request.InvoiceId, "invoiceId", errors);
        var debtor = Debtor(request.Debtor, errors);
        var amount = Amount(request.AmountDue, errors);
        if (request.DueDate is null)
        {
            errors.Add("dueDate", "Give the invoice's due date as YYYY-MM-DD.");
        }

        var policyId = string.IsNullOrWhiteSpace(request.Policy) ? DefaultPolicy : request.Policy;
        var policy = policies.Latest(policyId);
        if (policy is null)
        {
            errors.Add("policy", $"Unknown policy '{policyId}'; known: {string.Join(", ", policies.All.Select(p => p.Id).Distinct())}.");
        }

        if (errors.Any || accountId is null || invoiceId is null || debtor is null || amount is null || policy is null)
        {
            return null;
        }

        return new OpenCase(now, accountId, invoiceId, debtor, amount.Value, request.DueDate!.Value, policy.Id, policy.Version, by, campaignId);
    }

    private static string? Key(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"Give the {field}.");
            return null;
        }

        if (value.Length > MaxKeyLength || value.Any(char.IsControl) || value != value.Trim())
        {
            errors.Add(field, $"The {field} must be at most {MaxKeyLength} characters, without control characters or surrounding spaces.");
            return null;
        }

        return value;
    }

    private static Debtor? Debtor(DebtorRequest? debtor, ValidationErrors errors)
    {
        if (debtor is null)
        {
            errors.Add("debtor", "Give the debtor: name, phone and/or email, timeZone, locale.");
            return null;
        }

        var failed = false;
        if (string.IsNullOrWhiteSpace(debtor.Name))
        {
            errors.Add("debtor.name", "Give the debtor's name.");
            failed = true;
        }

        var phone = Blank(debtor.Phone);
        var email = Blank(debtor.Email);
        string? region = null;
        if (phone is null && email is null)
        {
            errors.Add("debtor", "Give at least one contact channel: debtor.phone or debtor.email.");
            failed = true;
        }

        if (phone is not null && !ContactChecks.IsE164(phone, out region))
        {
            errors.Add("debtor.phone", "Give a valid phone number in E.164 form: '+', country code and number, no spaces (e.g. +8613800138000).");
            failed = true;
        }

        if (email is not null && !ContactChecks.IsEmail(email))
        {
            errors.Add("debtor.email", "Give a plain e-mail address such as li.wei@example.com (no display name or spaces).");
            failed = true;
        }

        var zone = Blank(debtor.TimeZone);
        if (zone is null || !ContactChecks.IsTimeZone(zone))
        {
            errors.Add("debtor.timeZone", "Give the debtor's IANA time zone, such as Asia/Shanghai or America/New_York.");
            failed = true;
        }

        var locale = Blank(debtor.Locale) ?? "en";
        if (!ContactChecks.IsLocale(locale))
        {
            errors.Add("debtor.locale", "Give a known locale such as zh-CN or en-US.");
            failed = true;
        }

        return failed
            ? null
            : new Debtor(debtor.Name!.Trim(), phone, email, zone!, locale, Blank(debtor.Address), region);
    }

    private static Money? Amount(MoneyRequest? money, ValidationErrors errors)
    {
        if (money is null)
        {
            errors.Add("amountDue", "Give the amount due as { \"amount\": 12000.00, \"currency\": \"CNY\" }.");
            return null;
        }

        return MoneyChecks.Check(money.Amount, money.Currency, "amountDue", errors);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
