using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Endpoints.Campaigns;
using Dunning.Domain;
using Dunning.Channels.Storage;
using Dunning.Workflow;
using Dunning.Workflow.Tests;

namespace Dunning.Api.Tests;

/// <summary>Campaign imports: CSV or a JSON array, 202 with the campaign's Location, each row validated alone and bad
/// rows reported by line, progress while it runs, nothing opened twice on re-import, and an unfinished campaign
/// resumed by a host that starts later.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignsApiTests(AzuriteFixture azurite, ApiHost host) : IClassFixture<ApiHost>
{
    private readonly AzuriteFixture _azurite = azurite;
    private readonly ApiHost _api = host.Use(azurite);

    private static string Row(string account, string invoice = "INV-1", string phone = "+8613800138000", string email = "li.wei@example.com",
        string zone = "Asia/Shanghai", string amount = "12000.00", string currency = "CNY", string due = "2026-11-20", string policy = "default") =>
        $"{account},{invoice},Li Wei,{phone},{email},{zone},zh-CN,{amount},{currency},{due},{policy}";

    private async Task<(string Id, JsonElement Accepted)> ImportAsync(string body, string contentType)
    {
        using var response = await _api.Operator.PostRawAsync("/api/campaigns", body, contentType);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var accepted = await response.JsonAsync();
        var id = accepted.Str("campaignId");
        Assert.Equal($"/api/campaigns/{id}", response.Headers.Location?.ToString());
        return (id, accepted);
    }

    private Task<JsonElement> DoneAsync(string campaignId) =>
        _api.Viewer.WaitForAsync($"/api/campaigns/{campaignId}", p => p.GetProperty("done").GetBoolean(), 30);

    [Fact]
    public async Task GivenACsvWithBadRows_WhenImported_ThenGoodRowsOpenAndBadOnesAreReportedByLine()
    {
        var a = CaseRequests.NewAccount();
        var csv = new StringBuilder()
            .AppendLine(CaseRequests.CsvHeader)
            .AppendLine(Row(a + "-1"))                                        // line 2: fine
            .AppendLine(Row(a + "-2", phone: "12345"))                        // line 3: bad phone
            .AppendLine(Row(a + "-3", currency: "XYZ"))                       // line 4: bad currency
            .AppendLine(Row(a + "-4", amount: "twelve"))                      // line 5: not a number
            .AppendLine(Row(a + "-5", due: "20/11/2026"))                     // line 6: not a date
            .AppendLine(Row(a + "-6", zone: "Mars/Olympus", email: "x@"))     // line 7: two problems
            .AppendLine(Row(a + "-7", phone: "+14155552671", zone: "America/Los_Angeles", currency: "USD", amount: "700")) // line 8: fine
            .AppendLine(Row(a + "-8", phone: "", email: ""))                  // line 9: no contact channel
            .ToString();

        var (id, accepted) = await ImportAsync(csv, "text/csv");
        var progress = await DoneAsync(id);

        Assert.Equal(8, accepted.GetProperty("total").GetInt32());
        Assert.Equal(8, progress.GetProperty("total").GetInt32());
        Assert.Equal(2, progress.GetProperty("opened").GetInt32());
        Assert.Equal(0, progress.GetProperty("duplicates").GetInt32());
        Assert.Equal(6, progress.GetProperty("failed").GetInt32());
        var errors = progress.GetProperty("errors").Items().ToDictionary(e => e.GetProperty("line").GetInt32(), e => e.Str("detail"));
        Assert.Equal([3, 4, 5, 6, 7, 9], errors.Keys.Order());
        Assert.Contains("debtor.phone", errors[3]);
        Assert.Contains("amountDue.currency", errors[4]);
        Assert.Contains("amount", errors[5]);
        Assert.Contains("dueDate", errors[6]);
        Assert.Contains("debtor.timeZone", errors[7]);
        Assert.Contains("debtor.email", errors[7]);
        Assert.Contains("contact channel", errors[9]);
        var opened = await _api.Viewer.GetJsonAsync($"/api/cases/{CaseIds.For(a + "-7", "INV-1")}");
        Assert.Equal("USD", opened.GetProperty("outstanding").Str("currency"));
        var history = await _api.Viewer.GetJsonAsync($"/api/cases/{CaseIds.For(a + "-1", "INV-1")}/history");
        Assert.Equal(id, history.Items().First().GetProperty("data").Str("campaignId"));
    }

    [Fact]
    public async Task GivenTheSameCsv_WhenImportedAgain_ThenNothingOpensTwice()
    {
        var a = CaseRequests.NewAccount();
        var csv = $"{CaseRequests.CsvHeader}\n{Row(a + "-1")}\n{Row(a + "-2")}\n{Row(a + "-3", phone: "bad")}\n";
        var (first, _) = await ImportAsync(csv, "text/csv");
        await DoneAsync(first);

        var (second, _) = await ImportAsync(csv, "text/csv");
        var progress = await DoneAsync(second);

        Assert.Equal(0, progress.GetProperty("opened").GetInt32());
        Assert.Equal(2, progress.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, progress.GetProperty("failed").GetInt32());
        var history = await _api.Viewer.GetJsonAsync($"/api/cases/{CaseIds.For(a + "-1", "INV-1")}/history");
        Assert.Single(history.Items(), h => h.Str("type") == "CaseOpened");
        Assert.DoesNotContain(history.Items(), h => h.Str("type") == "CommandRejected");
    }

    [Fact]
    public async Task GivenTheSameInvoiceTwiceInOneFile_WhenImported_ThenTheSecondIsADuplicate()
    {
        var a = CaseRequests.NewAccount();
        var csv = $"{CaseRequests.CsvHeader}\n{Row(a)}\n{Row(a)}\n";

        var (id, _) = await ImportAsync(csv, "text/csv");
        var progress = await DoneAsync(id);

        Assert.Equal(1, progress.GetProperty("opened").GetInt32());
        Assert.Equal(1, progress.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task GivenAJsonArray_WhenImported_ThenEachElementCountsAlone()
    {
        var good = CaseRequests.Valid();
        var bad = CaseRequests.Valid(phone: "+1", email: null);
        var body = new JsonArray(good, bad, JsonValue.Create("not an object"), new JsonObject { ["amountDue"] = "lots" });

        var (id, _) = await ImportAsync(body.ToJsonString(), "application/json");
        var progress = await DoneAsync(id);

        Assert.Equal(4, progress.GetProperty("total").GetInt32());
        Assert.Equal(1, progress.GetProperty("opened").GetInt32());
        Assert.Equal(3, progress.GetProperty("failed").GetInt32());
        Assert.Equal([2, 3, 4], progress.GetProperty("errors").Items().Select(e => e.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task GivenACsvWithoutTheRequiredColumns_WhenImported_Then400()
    {
        using var response = await _api.Operator.PostRawAsync("/api/campaigns", "accountId,name\nA-1,Li Wei\n", "text/csv");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "header");
    }

    [Fact]
    public async Task GivenAJsonObjectInsteadOfAnArray_WhenImported_Then400()
    {
        using var response = await _api.Operator.PostJsonAsync("/api/campaigns", CaseRequests.Valid());

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task GivenAnotherContentType_WhenImported_Then415()
    {
        using var response = await _api.Operator.PostRawAsync("/api/campaigns", "<xml/>", "application/xml");

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task GivenAFileOver10MiB_WhenImported_Then413()
    {
        var row = Row("A-big") + "\n";
        var csv = new StringBuilder(CaseRequests.CsvHeader + "\n");
        while (csv.Length <= 10 * 1024 * 1024)
        {
            csv.Append(row);
        }

        using var response = await _api.Operator.PostRawAsync("/api/campaigns", csv.ToString(), "text/csv");

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task GivenNoSuchCampaign_WhenRead_Then404()
    {
        using var response = await _api.Viewer.GetAsync("/api/campaigns/cmp0000");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GivenACampaignStoredButNotStarted_WhenAHostStarts_ThenItIsResumedAndOpened()
    {
        // Stored the way the API stores it, under a prefix no host runs yet: only a host starting later can find it.
        var prefix = _azurite.UniqueName("resume");
        var storage = new CaseTables(new StorageAccount(new StorageOptions { ConnectionString = _azurite.ConnectionString, Prefix = prefix }, new RequestCounter()));
        await storage.EnsureCreatedAsync();
        var a = CaseRequests.NewAccount();
        var campaignId = "cmp" + Guid.NewGuid().ToString("N")[..20];
        var open = new OpenCase(ApiHost.Start, a, "INV-1",
            new Debtor("Li Wei", "+8613800138000", null, "Asia/Shanghai", "zh-CN", null, "CN"),
            new Money(500m, "CNY"), new DateOnly(2026, 11, 20), "default", 1, new Actor("test", ActorKind.Operator), campaignId);
        var row = new StoredRow(2, open.CaseId, JsonSerializer.Serialize(open, DomainJson.Options), StoredRow.New, default);
        await new CampaignStore(storage).SaveAsync(campaignId, "csv", [row], [new CampaignError(3, "debtor.phone: bad")], ApiHost.Start);

        await using var restarted = _api.CreateSibling(_azurite, prefix);
        var client = restarted.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Keys.Viewer);
        var progress = await client.WaitForAsync($"/api/campaigns/{campaignId}", p => p.GetProperty("done").GetBoolean(), 30);

        Assert.Equal(1, progress.GetProperty("opened").GetInt32());
        Assert.Equal(1, progress.GetProperty("failed").GetInt32());
        Assert.Equal(2, progress.GetProperty("total").GetInt32());
    }
}
