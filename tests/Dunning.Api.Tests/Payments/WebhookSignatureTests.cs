using System.Text;
using Dunning.Endpoints.Payments;

namespace Dunning.Api.Tests;

/// <summary>The webhook signature check on its own: the right MAC within the tolerance passes; anything else says why.</summary>
public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"paymentId":"PAY-1"}""");
    private static readonly string Timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void GivenTheSendersSignature_WhenVerified_ThenItPasses()
    {
        // Computed as a sender would: HMAC-SHA256("{timestamp}.{body}") in lowercase hex.
        var expected = "sha256=" + Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes(Timestamp + "." + Encoding.UTF8.GetString(Body)))).ToLowerInvariant();

        Assert.Equal(expected, WebhookSignature.Header("s3cret", Timestamp, Body));
        Assert.Null(WebhookSignature.Verify("s3cret", Timestamp, expected, Body, Now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(null, "sha256=00", "Timestamp")]
    [InlineData("abc", "sha256=00", "Timestamp")]
    [InlineData("-5", "sha256=00", "Timestamp")]
    [InlineData("99999999999999999", "sha256=00", "tolerance")]
    public void GivenABadTimestamp_WhenVerified_ThenItFails(string? timestamp, string signature, string why)
    {
        Assert.Contains(why, WebhookSignature.Verify("s3cret", timestamp, signature, Body, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void GivenATimestampSixMinutesOff_WhenVerified_ThenItFailsEvenWithTheRightMac()
    {
        var old = Now.AddMinutes(-6).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var why = WebhookSignature.Verify("s3cret", old, WebhookSignature.Header("s3cret", old, Body), Body, Now, TimeSpan.FromMinutes(5));

        Assert.Contains("tolerance", why);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("sha1=abcd")]
    [InlineData("sha256=not-hex")]
    [InlineData("sha256=")]
    public void GivenAMalformedSignature_WhenVerified_ThenItFails(string signature)
    {
        Assert.NotNull(WebhookSignature.Verify("s3cret", Timestamp, signature, Body, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void GivenAnotherSecretOrBody_WhenVerified_ThenItIsAMismatch()
    {
        var signature = WebhookSignature.Header("s3cret", Timestamp, Body);

        Assert.Equal("signature mismatch", WebhookSignature.Verify("other", Timestamp, signature, Body, Now, TimeSpan.FromMinutes(5)));
        Assert.Equal("signature mismatch", WebhookSignature.Verify("s3cret", Timestamp, signature, [.. Body, (byte)' '], Now, TimeSpan.FromMinutes(5)));
    }
}
