using System.Net;
using System.Text.Json.Nodes;
using Dunning.Workflow.Tests;

namespace Dunning.Api.Tests;

/// <summary>The signed payment webhook: a valid signature is 202 and lowers the outstanding amount; a bad signature or
/// an old timestamp is 401; a payment id is applied once however often it comes; a payment for no known case is kept
/// and listed as unmatched; paying in full closes the case as PaidInFull.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PaymentsWebhookTests(AzuriteFixture azurite, ApiHost host) : IClassFixture<ApiHost>
{
    private readonly ApiHost _api = host.Use(azurite);

    private async Task<string> OpenAsync()
    {
        using var response = await _api.Operator.PostJsonAsync("/api/cases", CaseRequests.Valid(dueDate: "2026-11-12"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).Str("caseId");
    }

    private static string NewPaymentId() => "PAY-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task GivenASignedPartialPayment_WhenPosted_Then202AndTheOutstandingAmountFalls()
    {
        var caseId = await OpenAsync();

        using var response = await PaymentWebhook.PostAsync(_api.Anonymous, PaymentWebhook.Body(NewPaymentId(), caseId, 2000m));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("queued", (await response.JsonAsync()).Str("outcome"));
        var paid = await _api.Viewer.WaitForAsync($"/api/cases/{caseId}", c => c.GetProperty("outstanding").GetProperty("amount").GetDecimal() == 10000m);
        Assert.Equal("Active", paid.Str("status"));
    }

    [Fact]
    public async Task GivenAPaymentInFull_WhenPosted_ThenTheCaseClosesAsPaidInFullAndPendingContactIsCancelled()
    {
        var caseId = await OpenAsync();
        var body = PaymentWebhook.Body(NewPaymentId(), null!, 12000m);
        body.Remove("caseId");
        var opened = await _api.Viewer.GetJsonAsync($"/api/cases/{caseId}");
        body["accountId"] = opened.Str("accountId");
        body["invoiceId"] = opened.Str("invoiceId");

        using var response = await PaymentWebhook.PostAsync(_api.Anonymous, body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var closed = await _api.Viewer.WaitForAsync($"/api/cases/{caseId}", c => c.Str("status") == "Closed");
        Assert.Equal("PaidInFull", closed.Str("closedReason"));
        Assert.Equal(0m, closed.GetProperty("outstanding").GetProperty("amount").GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, closed.GetProperty("nextAction").ValueKind);
    }

    [Fact]
    public async Task GivenTheSamePaymentIdTwice_WhenPosted_ThenBothAre202AndItIsAppliedOnce()
    {
        var caseId = await OpenAsync();
        var body = PaymentWebhook.Body(NewPaymentId(), caseId, 1000m);

        using var first = await PaymentWebhook.PostAsync(_api.Anonymous, body);
        using var racing = await PaymentWebhook.PostAsync(_api.Anonymous, body);
        await _api.Viewer.WaitForAsync($"/api/cases/{caseId}", c => c.GetProperty("outstanding").GetProperty("amount").GetDecimal() == 11000m);
        // Once applied, the payment index knows it: a later retry is acknowledged without queuing anything.
        var late = await WaitForDuplicateAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, racing.StatusCode);
        Assert.Equal("duplicate", late);
        await CaseCommands.SettledAsync(_api, caseId);
        var history = await _api.Viewer.GetJsonAsync($"/api/cases/{caseId}/history");
        Assert.Single(history.Items(), h => h.Str("type") == "PaymentApplied");
        Assert.Equal(11000m, (await _api.Viewer.GetJsonAsync($"/api/cases/{caseId}")).GetProperty("outstanding").GetProperty("amount").GetDecimal());
    }

    /// <summary>Posts the payment again until the service answers that it has seen it applied.</summary>
    private Task<string> WaitForDuplicateAsync(JsonObject body) =>
        Wait.ForAsync(async () =>
        {
            using var again = await PaymentWebhook.PostAsync(_api.Anonymous, body);
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
            return (await again.JsonAsync()).Str("outcome");
        }, outcome => outcome == "duplicate", TimeSpan.FromSeconds(15), "a repeat to be answered as a duplicate");

    [Fact]
    public async Task GivenAPaymentForNoKnownCase_WhenPosted_ThenItIsKeptAndListedAsUnmatched()
    {
        var paymentId = NewPaymentId();
        var body = PaymentWebhook.Body(paymentId, null!, 321.5m, "USD");
        body.Remove("caseId");
        body["accountId"] = "A-unknown";
        body["invoiceId"] = "INV-unknown";

        using var response = await PaymentWebhook.PostAsync(_api.Anonymous, body);
        using var again = await PaymentWebhook.PostAsync(_api.Anonymous, body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("unmatched", (await response.JsonAsync()).Str("outcome"));
        var unmatched = await _api.Viewer.GetJsonAsync("/api/payments/unmatched");
        var kept = Assert.Single(unmatched.Items(), p => p.Str("paymentId") == paymentId);
        Assert.Equal(321.5m, kept.GetProperty("amount").GetProperty("amount").GetDecimal());
        Assert.Equal("A-unknown", kept.Str("accountId"));
    }

    [Fact]
    public async Task GivenAWrongSignature_WhenPosted_Then401AndNothingHappens()
    {
        var caseId = await OpenAsync();
        var body = PaymentWebhook.Body(NewPaymentId(), caseId, 12000m);

        using var wrongSecret = await PaymentWebhook.PostAsync(_api.Anonymous, body, secret: "not-the-secret");
        var raw = body.ToJsonString();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var noSignature = await PaymentWebhook.PostAsync(_api.Anonymous, raw, timestamp, null);
        using var notHex = await PaymentWebhook.PostAsync(_api.Anonymous, raw, timestamp, "sha256=zz");
        using var noTimestamp = await PaymentWebhook.PostAsync(_api.Anonymous, raw, null, "sha256=00");

        await wrongSecret.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await noSignature.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await notHex.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await noTimestamp.AssertProblemAsync(HttpStatusCode.Unauthorized);
        // Refused before anything is recorded: no command can reach the case later.
        Assert.False(await CaseCommands.AnyRecordedAsync(_api, caseId));
        Assert.Equal("Active", (await _api.Viewer.GetJsonAsync($"/api/cases/{caseId}")).Str("status"));
    }

    [Fact]
    public async Task GivenASignatureOverADifferentBody_WhenPosted_Then401()
    {
        var caseId = await OpenAsync();
        var signed = PaymentWebhook.Body(NewPaymentId(), caseId, 1m).ToJsonString();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mac = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Keys.WebhookSecret), System.Text.Encoding.UTF8.GetBytes($"{timestamp}.{signed}"));

        using var response = await PaymentWebhook.PostAsync(_api.Anonymous, signed.Replace("1", "9", StringComparison.Ordinal), timestamp,
            "sha256=" + Convert.ToHexString(mac).ToLowerInvariant());

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task GivenATimestampMoreThanFiveMinutesOff_WhenPosted_Then401(int minutes)
    {
        var caseId = await OpenAsync();

        using var response = await PaymentWebhook.PostAsync(_api.Anonymous, PaymentWebhook.Body(NewPaymentId(), caseId, 1m), DateTimeOffset.UtcNow.AddMinutes(minutes));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GivenATimestampFourMinutesOld_WhenPosted_Then202()
    {
        var caseId = await OpenAsync();

        using var response = await PaymentWebhook.PostAsync(_api.Anonymous, PaymentWebhook.Body(NewPaymentId(), caseId, 1m), DateTimeOffset.UtcNow.AddMinutes(-4));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"paymentId":"P/1","caseId":"c1","amount":{"amount":1,"currency":"CNY"}}""", "paymentId")]
    [InlineData("""{"caseId":"c1","amount":{"amount":1,"currency":"CNY"}}""", "paymentId")]
    [InlineData("""{"paymentId":"P1","caseId":"c1"}""", "amount")]
    [InlineData("""{"paymentId":"P1","caseId":"c1","amount":{"amount":-1,"currency":"CNY"}}""", "amount.amount")]
    [InlineData("""{"paymentId":"P1","caseId":"c1","amount":{"amount":1,"currency":"XXQ"}}""", "amount.currency")]
    public async Task GivenASignedButInvalidPayment_WhenPosted_Then400(string raw, string field)
    {
        using var response = await PostSignedRawAsync(raw);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task GivenSignedMalformedJson_WhenPosted_Then400()
    {
        using var response = await PostSignedRawAsync("{\"paymentId\": ");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GivenAnOversizedBody_WhenPosted_Then413()
    {
        using var response = await PostSignedRawAsync("{\"paymentId\":\"" + new string('x', 70 * 1024) + "\"}");

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    private Task<HttpResponseMessage> PostSignedRawAsync(string raw)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mac = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Keys.WebhookSecret), System.Text.Encoding.UTF8.GetBytes($"{timestamp}.{raw}"));
        return PaymentWebhook.PostAsync(_api.Anonymous, raw, timestamp, "sha256=" + Convert.ToHexString(mac).ToLowerInvariant());
    }
}
