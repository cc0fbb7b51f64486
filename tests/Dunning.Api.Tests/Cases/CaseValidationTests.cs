using System.Net;
using System.Text.Json.Nodes;
using Dunning.Workflow.Tests;

namespace Dunning.Api.Tests;

/// <summary>What POST /api/cases refuses, each with a problem naming the field: phone (E.164), e-mail, zone, currency,
/// amount, contact channel, policy; and malformed or oversized bodies (400, 413; never a 500).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseValidationTests(AzuriteFixture azurite, ApiHost host) : IClassFixture<ApiHost>
{
    private readonly ApiHost _api = host.Use(azurite);

    public static TheoryData<string, string, string> Invalid => new()
    {
        { "phone without +", "debtor.phone", """{"debtor":{"phone":"13800138000"}}""" },
        { "phone with spaces", "debtor.phone", """{"debtor":{"phone":"+86 138 0013 8000"}}""" },
        { "phone too short", "debtor.phone", """{"debtor":{"phone":"+861380"}}""" },
        { "e-mail without domain", "debtor.email", """{"debtor":{"email":"li.wei@"}}""" },
        { "e-mail with display name", "debtor.email", """{"debtor":{"email":"Li Wei <li.wei@example.com>"}}""" },
        { "Windows zone id", "debtor.timeZone", """{"debtor":{"timeZone":"China Standard Time"}}""" },
        { "unknown zone", "debtor.timeZone", """{"debtor":{"timeZone":"Mars/Olympus"}}""" },
        { "no contact channel", "debtor", """{"debtor":{"phone":null,"email":null}}""" },
        { "zero amount", "amountDue.amount", """{"amountDue":{"amount":0,"currency":"CNY"}}""" },
        { "negative amount", "amountDue.amount", """{"amountDue":{"amount":-5,"currency":"CNY"}}""" },
        { "unknown currency", "amountDue.currency", """{"amountDue":{"amount":10,"currency":"XYZ"}}""" },
        { "lower-case currency", "amountDue.currency", """{"amountDue":{"amount":10,"currency":"cny"}}""" },
        { "yen with decimals", "amountDue.amount", """{"amountDue":{"amount":10.5,"currency":"JPY"}}""" },
        { "unknown policy", "policy", """{"policy":"gentle"}""" },
        { "no account", "accountId", """{"accountId":null}""" },
        { "no due date", "dueDate", """{"dueDate":null}""" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task GivenAnInvalidField_WhenOpening_Then400NamingTheField(string why, string field, string patch)
    {
        var request = CaseRequests.Valid();
        Merge(request, JsonNode.Parse(patch)!.AsObject());

        using var response = await _api.Operator.PostJsonAsync("/api/cases", request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("errors").GetProperty(field)[0].GetString()), why);
    }

    [Fact]
    public async Task GivenSeveralBadFields_WhenOpening_ThenAllAreReportedAtOnce()
    {
        var request = CaseRequests.Valid(phone: "123", email: "nope", timeZone: "Nowhere", currency: "ZZZ");

        using var response = await _api.Operator.PostJsonAsync("/api/cases", request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("debtor.phone", errors);
        Assert.Contains("debtor.email", errors);
        Assert.Contains("debtor.timeZone", errors);
        Assert.Contains("amountDue.currency", errors);
    }

    [Fact]
    public async Task GivenOnlyAnEmail_WhenOpening_ThenTheCaseOpens()
    {
        using var response = await _api.Operator.PostJsonAsync("/api/cases", CaseRequests.Valid(phone: null));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"accountId\": ")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"amountDue\": {\"amount\": \"lots\"}}")]
    [InlineData("{\"dueDate\": \"20/11/2026\"}")]
    [InlineData("")]
    [InlineData("null")]
    public async Task GivenMalformedJson_WhenOpening_Then400NotA500(string body)
    {
        using var response = await _api.Operator.PostRawAsync("/api/cases", body, "application/json");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GivenABodyOver64KiB_WhenOpening_Then413()
    {
        var request = CaseRequests.Valid();
        request["debtor"]!["address"] = new string('x', 70 * 1024);

        using var response = await _api.Operator.PostJsonAsync("/api/cases", request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task GivenAnOversizedBodyWithoutContentLength_WhenOpening_Then413()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = new StreamContent(new MemoryStream(new byte[100 * 1024])),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await _api.Operator.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is JsonObject inner && target[key] is JsonObject existing)
            {
                Merge(existing, inner);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
