using System.Globalization;
using CsvHelper;
using Dunning.Endpoints.Cases;

namespace Dunning.Endpoints.Campaigns;

/// <summary>Reads a campaign CSV (header row: accountId, invoiceId, name, phone, email, timeZone, locale, amount,
/// currency, dueDate, policy; address optional). A row that cannot be read (bad quoting, a number or date that does
/// not parse) is reported by its line and never stops the others.</summary>
public static class CsvCampaignReader
{
    public static readonly string[] Columns =
        ["accountId", "invoiceId", "name", "phone", "email", "timeZone", "locale", "amount", "currency", "dueDate", "policy"];

    private static readonly string[] Required = ["accountId", "invoiceId", "name", "timeZone", "amount", "currency", "dueDate"];

    public static CampaignFile Read(byte[] bytes)
    {
        var malformed = new List<long>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            TrackLineNumbers = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => malformed.Add(record.LineNumber),
        };
        using var csv = CsvReader.Create(bytes, options);
        csv.ReadHeader();
        var missing = Required.Where(c => !csv.TryGetFieldIndex(c, out _)).ToList();
        if (csv.Headers.Count == 0 || missing.Count > 0 || !(Has(csv, "phone") || Has(csv, "email")))
        {
            var needed = missing.Concat(Has(csv, "phone") || Has(csv, "email") ? [] : new[] { "phone or email" });
            return new CampaignFile([], new Dictionary<string, string[]>
            {
                ["header"] = [$"The first line must be the header row: {string.Join(", ", Columns)}. Missing: {string.Join(", ", needed)}."],
            });
        }

        var rows = new List<CampaignRow>();
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            rows.Add(ReadRow(csv, line));
        }

        rows.AddRange(malformed.Select(line => new CampaignRow((int)line, null, "The line's quoting is malformed: close every opened quote and double quotes inside quoted values.")));
        return new CampaignFile(rows.OrderBy(r => r.Line).ToList(), null);
    }

    private static CampaignRow ReadRow(CsvReader csv, int line)
    {
        string? Get(string column) =>
            csv.TryGetFieldIndex(column, out var index) && index < csv.FieldCount && csv.GetString(index) is { Length: > 0 } value ? value : null;

        var problems = new List<string>();
        decimal? amount = null;
        if (Get("amount") is { } amountText)
        {
            if (decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                amount = parsed;
            }
            else
            {
                problems.Add($"amount: '{amountText}' is not a number (use a dot for decimals, no thousands separators)");
            }
        }

        DateOnly? dueDate = null;
        if (Get("dueDate") is { } dueText)
        {
            if (DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                dueDate = parsed;
            }
            else
            {
                problems.Add($"dueDate: '{dueText}' is not a date in the form YYYY-MM-DD");
            }
        }

        if (problems.Count > 0)
        {
            return new CampaignRow(line, null, string.Join("; ", problems));
        }

        var request = new CaseRequest(Get("accountId"), Get("invoiceId"),
            new DebtorRequest(Get("name"), Get("phone"), Get("email"), Get("timeZone"), Get("locale"), Get("address")),
            new MoneyRequest(amount, Get("currency")), dueDate, Get("policy"));
        return new CampaignRow(line, request, null);
    }

    private static bool Has(CsvReader csv, string column) => csv.TryGetFieldIndex(column, out _);
}
