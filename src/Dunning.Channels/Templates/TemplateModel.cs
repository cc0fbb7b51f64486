using System.Globalization;
using Dunning.Domain;

namespace Dunning.Channels.Templates;

/// <summary>What a template may show, as plain dictionaries (Liquid names in snake_case). Amounts and dates arrive
/// formatted for the locale, so templates never format; the internal case id is offered to the supervisor report only,
/// never to a message a debtor (or anyone else) reads.</summary>
internal static class TemplateModel
{
    public static Dictionary<string, object?> ForMessage(MessageFacts facts, string step, CreditorDetails creditor, LocaleFormat format) => new()
    {
        ["creditor"] = new Dictionary<string, object?>
        {
            ["name"] = creditor.Name,
            ["address"] = creditor.Address,
            ["phone"] = creditor.Phone,
            ["email"] = creditor.Email,
            ["payment_instructions"] = creditor.PaymentInstructions,
            ["legal_entity"] = creditor.LegalEntity,
        },
        ["debtor"] = new Dictionary<string, object?> { ["name"] = facts.DebtorName },
        ["reference"] = new Dictionary<string, object?>
        {
            ["account"] = facts.AccountId,
            ["invoice"] = facts.InvoiceId,
            ["account_tail"] = Tail(facts.AccountId),
        },
        ["amount"] = format.Amount(facts.Outstanding),
        ["due_date"] = format.Date(facts.DueDate),
        ["due_day"] = format.MonthDay(facts.DueDate),
        ["step"] = step,
    };

    public static Dictionary<string, object?> ForNotice(SendNotice notice, CreditorDetails creditor, LocaleFormat format)
    {
        var model = ForMessage(notice.Facts, notice.Step, creditor, format);
        model["notice"] = new Dictionary<string, object?>
        {
            ["kind"] = NoticeName(notice.NoticeKind),
            ["date"] = format.Date(notice.Claim.AsOf),
            ["deadline"] = format.Date(notice.Deadline),
            ["principal"] = format.Amount(notice.Claim.Principal),
            ["penalty_interest"] = format.Amount(notice.Claim.PenaltyInterest),
            ["fees"] = format.Amount(notice.Claim.Fees),
            ["total"] = format.Amount(notice.Claim.Total),
            ["address_lines"] = Lines(notice.Address),
        };
        return model;
    }

    public static Dictionary<string, object?> ForReport(ReportToSupervisor report, CaseState? state, CreditorDetails creditor, LocaleFormat format)
    {
        var model = ForMessage(report.Facts, report.Step, creditor, format);
        LocalCalendar.TryFindZone(report.Facts.TimeZone, out var zone);
        string Local(DateTimeOffset at) => LocalCalendar.ToLocal(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        model["report"] = new Dictionary<string, object?>
        {
            ["date"] = format.Date(report.Claim.AsOf),
            ["principal"] = format.Amount(report.Claim.Principal),
            ["penalty_interest"] = format.Amount(report.Claim.PenaltyInterest),
            ["fees"] = format.Amount(report.Claim.Fees),
            ["total"] = format.Amount(report.Claim.Total),
            ["days_past_due"] = report.Claim.AsOf.DayNumber - report.Facts.DueDate.DayNumber,
        };
        model["case"] = new Dictionary<string, object?>
        {
            ["id"] = report.Facts.CaseId,
            ["stage"] = report.Facts.Stage,
            ["known"] = state is not null,
            ["status"] = state?.Status.ToString(),
            ["debtor_type"] = state?.DebtorType?.ToString() ?? "-",
            ["policy"] = state is null ? "-" : $"{state.PolicyId} v{state.PolicyVersion}",
            ["opened"] = state is null ? "-" : Local(state.OpenedAt),
            ["amount_due"] = state is null ? "-" : format.Amount(state.AmountDue),
            ["recovered"] = state is null ? "-" : format.Amount(state.Recovered),
            ["promises_kept"] = state?.PromisesKept ?? 0,
            ["broken_promises"] = state?.BrokenPromises ?? 0,
            ["disputed"] = state?.Disputed ?? false,
            ["address_invalid"] = state?.AddressInvalid ?? false,
            ["time_zone"] = report.Facts.TimeZone,
            ["contacts"] = (state?.Contacts ?? []).Select(c => (object?)new Dictionary<string, object?>
            {
                ["at"] = Local(c.At),
                ["channel"] = c.Channel.ToString(),
                ["step"] = c.Step,
                ["delivered"] = c.Delivered switch { true => "yes", false => "no", null => "-" },
            }).ToList(),
        };
        return model;
    }

    /// <summary>The kebab-case name a notice kind has in policies, templates and blob names.</summary>
    public static string NoticeName(StepAction kind) => kind switch
    {
        StepAction.DemandNotice => "demand-notice",
        StepAction.LawyerLetter => "lawyer-letter",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only demand notices and lawyer's letters are written notices."),
    };

    private static List<object?> Lines(string? address) =>
        string.IsNullOrWhiteSpace(address)
            ? []
            : address.Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => (object?)l).ToList();

    /// <summary>The last four characters of an account number ("尾号" in a Chinese SMS): enough for its debtor to know
    /// the account, too little for anyone else reading the phone.</summary>
    private static string Tail(string id) => id.Length <= 4 ? id : id[^4..];
}
