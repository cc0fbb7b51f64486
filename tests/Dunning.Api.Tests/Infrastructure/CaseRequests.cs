using System.Text.Json.Nodes;

namespace Dunning.Api.Tests;

/// <summary>Case request bodies: a Shanghai debtor owing 12,000 CNY due 2026-11-20 unless told otherwise.</summary>
public static class CaseRequests
{
    public static string NewAccount() => "A-" + Guid.NewGuid().ToString("N")[..10];

    public static JsonObject Valid(string? accountId = null, string invoiceId = "INV-2026-0042", decimal amount = 12000.00m,
        string dueDate = "2026-11-20", string? phone = "+8613800138000", string? email = "li.wei@example.com",
        string timeZone = "Asia/Shanghai", string currency = "CNY", string? policy = "default") =>
        new()
        {
            ["accountId"] = accountId ?? NewAccount(),
            ["invoiceId"] = invoiceId,
            ["debtor"] = new JsonObject
            {
                ["name"] = "Li Wei",
                ["phone"] = phone,
                ["email"] = email,
                ["timeZone"] = timeZone,
                ["locale"] = "zh-CN",
                ["address"] = "88 Century Ave, Pudong, Shanghai",
            },
            ["amountDue"] = new JsonObject { ["amount"] = amount, ["currency"] = currency },
            ["dueDate"] = dueDate,
            ["policy"] = policy,
        };

    public const string CsvHeader = "accountId,invoiceId,name,phone,email,timeZone,locale,amount,currency,dueDate,policy";
}
