using System.Text;
using Dunning.Endpoints.Campaigns;

namespace Dunning.Api.Tests;

/// <summary>Reading campaign CSV: rows keep their line numbers (blank and quoted multi-line rows included); a row that
/// cannot be read is reported by line and the others still come through.</summary>
public sealed class CsvCampaignReaderTests
{
    private static CampaignFile Read(string csv) => CsvCampaignReader.Read(Encoding.UTF8.GetBytes(csv));

    [Fact]
    public void GivenRowsAfterTheHeader_WhenRead_ThenEachKeepsItsLine()
    {
        var file = Read(
            "accountId,invoiceId,name,phone,email,timeZone,locale,amount,currency,dueDate,policy\n" +
            "A-1,I-1,Li Wei,+8613800138000,,Asia/Shanghai,zh-CN,12000.00,CNY,2026-11-20,default\n" +
            "\n" +
            "A-2,I-2,\"Wang, Fang\",,wang@example.com,Asia/Shanghai,zh-CN,5.5,CNY,2026-11-21,\n");

        Assert.Null(file.FileErrors);
        Assert.Equal([2, 4], file.Rows.Select(r => r.Line));
        var second = file.Rows[1].Request!;
        Assert.Equal("Wang, Fang", second.Debtor!.Name);
        Assert.Null(second.Debtor.Phone);
        Assert.Equal(5.5m, second.AmountDue!.Amount);
        Assert.Equal(new DateOnly(2026, 11, 21), second.DueDate);
        Assert.Null(second.Policy);
    }

    [Fact]
    public void GivenUnparsableValues_WhenRead_ThenTheRowIsUnreadableAndTheOthersStand()
    {
        var file = Read(
            "accountId,invoiceId,name,phone,timeZone,amount,currency,dueDate\n" +
            "A-1,I-1,Li Wei,+8613800138000,Asia/Shanghai,1 200,CNY,2026-11-20\n" +
            "A-2,I-2,Li Wei,+8613800138000,Asia/Shanghai,1200,CNY,2026/11/20\n" +
            "A-3,I-3,Li Wei,+8613800138000,Asia/Shanghai,1200,CNY,2026-11-20\n");

        Assert.Contains("amount", file.Rows[0].Unreadable);
        Assert.Contains("dueDate", file.Rows[1].Unreadable);
        Assert.NotNull(file.Rows[2].Request);
    }

    [Fact]
    public void GivenAHeaderWithoutRequiredColumns_WhenRead_ThenTheFileIsRefused()
    {
        var file = Read("accountId,invoiceId,name\nA-1,I-1,Li\n");

        Assert.NotNull(file.FileErrors);
        Assert.Contains("timeZone", file.FileErrors!["header"][0]);
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void GivenAnEmptyFile_WhenRead_ThenTheFileIsRefused()
    {
        Assert.NotNull(Read("").FileErrors);
    }
}
