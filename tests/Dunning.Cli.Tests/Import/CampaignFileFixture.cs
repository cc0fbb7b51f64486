namespace Dunning.Cli.Tests;

/// <summary>A small campaign file in a directory of its own, removed when disposed. Line 4 has a bad phone, line 6
/// repeats line 2's invoice.</summary>
internal sealed class CampaignFileFixture : IDisposable
{
    public const string Csv = """
        accountId,invoiceId,name,phone,email,timeZone,locale,amount,currency,dueDate,policy
        A-1001,INV-2026-0042,Li Wei,+8613800138000,li.wei@example.com,Asia/Shanghai,zh-CN,12000.00,CNY,2026-11-20,default
        U-4001,INV-2026-0301,Michael Johnson,+12125550123,michael.johnson@example.com,America/New_York,en-US,4200.00,USD,2026-11-19,default
        A-1006,INV-2026-0047,Ma Chao,+861380013,ma.chao@example.com,Asia/Shanghai,zh-CN,7200.00,CNY,2026-11-22,default
        G-5002,INV-2026-0502,Amelia Jones,+447400123456,amelia.jones@example.com,Europe/London,en-US,890.00,GBP,2026-11-25,default
        A-1001,INV-2026-0042,Li Wei,+8613800138000,li.wei@example.com,Asia/Shanghai,zh-CN,12000.00,CNY,2026-11-20,default
        """;

    public const string Json = """
        [{ "accountId": "A-1001", "invoiceId": "INV-2026-0042",
           "debtor": { "name": "Li Wei", "phone": "+8613800138000", "timeZone": "Asia/Shanghai", "locale": "zh-CN" },
           "amountDue": { "amount": 12000.00, "currency": "CNY" }, "dueDate": "2026-11-20", "policy": "default" }]
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("dunning-import-").FullName;

    public string PathOf(string name) => Path.Combine(_directory, name);

    public string Write(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
