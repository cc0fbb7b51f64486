using System.Globalization;
using System.Net.Mail;
using Dunning.Domain;
using PhoneNumbers;

namespace Dunning.Cli.Tests;

/// <summary>samples/accounts.csv holds 50 accounts that pass the rules POST /api/campaigns applies (HTTP-API.md:
/// E.164 phone, e-mail syntax, IANA zone, amount > 0 with the currency's decimals, ISO 4217 currency, a contact
/// channel, a date) and 7 rows that each break exactly the rule the sample's README names.</summary>
public sealed class SampleAccountsTests
{
    private const string Header = "accountId,invoiceId,name,phone,email,timeZone,locale,amount,currency,dueDate,policy,address";
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The deliberately invalid rows, by account, and the one field each gets wrong.</summary>
    private static readonly Dictionary<string, string> Invalid = new(StringComparer.Ordinal)
    {
        ["A-1006"] = "phone",
        ["A-1012"] = "timeZone",
        ["A-1015"] = "currency",
        ["U-4004"] = "amount",
        ["U-4103"] = "contact",
        ["G-5003"] = "email",
        ["E-6003"] = "dueDate",
    };

    /// <summary>Each zone's country, which the phone number and the currency must belong to.</summary>
    private static readonly Dictionary<string, (string Region, string Currency)> Countries = new(StringComparer.Ordinal)
    {
        ["Asia/Shanghai"] = ("CN", "CNY"),
        ["Asia/Hong_Kong"] = ("HK", "HKD"),
        ["Asia/Singapore"] = ("SG", "SGD"),
        ["America/New_York"] = ("US", "USD"),
        ["America/Los_Angeles"] = ("US", "USD"),
        ["America/Chicago"] = ("US", "USD"),
        ["Europe/London"] = ("GB", "GBP"),
        ["Europe/Berlin"] = ("DE", "EUR"),
        ["Europe/Paris"] = ("FR", "EUR"),
        ["Australia/Sydney"] = ("AU", "AUD"),
    };

    private static readonly Lazy<string[]> Lines = new(() => File.ReadAllLines(SamplePath()));

    [Fact]
    public void GivenTheSample_WhenRead_ThenTheHeaderIsTheOneTheApiReadsAndNoFieldIsQuoted()
    {
        Assert.Equal(Header, Lines.Value[0]);
        Assert.All(Lines.Value, line => Assert.DoesNotContain("\"", line, StringComparison.Ordinal));
        Assert.All(Lines.Value, line => Assert.Equal(12, line.Split(',').Length));
    }

    [Fact]
    public void GivenEveryRow_WhenCheckedByTheApisRules_ThenExactlyTheSevenDeliberateRowsFailEachOnItsOwnField()
    {
        var failures = Rows()
            .Select(row => (row.AccountId, Problems: Problems(row)))
            .Where(checkedRow => checkedRow.Problems.Count > 0)
            .ToDictionary(checkedRow => checkedRow.AccountId, checkedRow => string.Join(", ", checkedRow.Problems), StringComparer.Ordinal);

        Assert.Equal(Invalid.OrderBy(e => e.Key, StringComparer.Ordinal), failures.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void GivenTheValidRows_WhenCounted_ThenThereAreFiftyAccountsOverTenZonesAndSevenCurrenciesEachInItsOwnCountry()
    {
        var valid = Rows().Where(row => !Invalid.ContainsKey(row.AccountId)).ToList();

        Assert.Equal(50, valid.Count);
        Assert.Equal(valid.Count, valid.Select(row => (row.AccountId, row.InvoiceId)).Distinct().Count());
        Assert.Equal(Countries.Keys.Order(StringComparer.Ordinal), valid.Select(row => row.TimeZone).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["AUD", "CNY", "EUR", "GBP", "HKD", "SGD", "USD"], valid.Select(row => row.Currency).Distinct().Order(StringComparer.Ordinal));
        Assert.All(valid, row =>
        {
            var (region, currency) = Countries[row.TimeZone];
            Assert.Equal(currency, row.Currency);
            if (row.Phone.Length > 0)
            {
                Assert.Equal(region, Phones.GetRegionCodeForNumber(Phones.Parse(row.Phone, null)));
            }

            Assert.Contains(row.Locale, new[] { "zh-CN", "en-US" });
            Assert.Equal("default", row.Policy);
            Assert.True(row.Email.Length == 0 || row.Email.EndsWith("@example.com", StringComparison.Ordinal) || row.Email.EndsWith("@example.org", StringComparison.Ordinal), row.Email);
            var due = DateOnly.ParseExact(row.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.InRange(due, new DateOnly(2026, 11, 10), new DateOnly(2026, 12, 5));
        });
    }

    /// <summary>The fields a row gets wrong, by the API's rules (Dunning.Api's CaseRequestValidator and CSV reader).</summary>
    private static List<string> Problems(SampleRow row)
    {
        var problems = new List<string>();
        if (row.AccountId.Length == 0 || row.InvoiceId.Length == 0 || row.Name.Length == 0)
        {
            problems.Add("key");
        }

        if (row.Phone.Length == 0 && row.Email.Length == 0)
        {
            problems.Add("contact");
        }

        if (row.Phone.Length > 0 && !IsE164(row.Phone))
        {
            problems.Add("phone");
        }

        if (row.Email.Length > 0 && !(MailAddress.TryCreate(row.Email, out var address) && address.Address == row.Email))
        {
            problems.Add("email");
        }

        if (!LocalCalendar.TryFindZone(row.TimeZone, out _))
        {
            problems.Add("timeZone");
        }

        if (!Currencies.IsKnown(row.Currency))
        {
            problems.Add("currency");
        }

        if (!decimal.TryParse(row.Amount, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            || amount <= 0m
            || (Currencies.IsKnown(row.Currency) && decimal.Round(amount, Currencies.MinorUnits(row.Currency)) != amount))
        {
            problems.Add("amount");
        }

        if (!DateOnly.TryParseExact(row.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            problems.Add("dueDate");
        }

        if (!IsLocale(row.Locale))
        {
            problems.Add("locale");
        }

        return problems;
    }

    private static bool IsE164(string phone)
    {
        try
        {
            var number = Phones.Parse(phone, null);
            return phone.StartsWith('+') && Phones.IsValidNumber(number) && Phones.Format(number, PhoneNumberFormat.E164) == phone;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    private static bool IsLocale(string locale)
    {
        try
        {
            return CultureInfo.GetCultureInfo(locale, predefinedOnly: true) is { Name.Length: > 0 };
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static IEnumerable<SampleRow> Rows() => Lines.Value.Skip(1).Select(line => line.Split(',')).Select(f =>
        new SampleRow(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10]));

    /// <summary>samples/accounts.csv, found from the test's output folder upwards (the repository, or a copy beside the tests).</summary>
    private static string SamplePath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", "accounts.csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"samples/accounts.csv not found above {AppContext.BaseDirectory}");
    }

    private sealed record SampleRow(string AccountId, string InvoiceId, string Name, string Phone, string Email, string TimeZone, string Locale,
        string Amount, string Currency, string DueDate, string Policy);
}
