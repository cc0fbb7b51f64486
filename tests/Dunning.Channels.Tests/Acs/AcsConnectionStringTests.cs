using Dunning.Channels.Acs;

namespace Dunning.Channels.Tests.Acs;

public sealed class AcsConnectionStringTests
{
    [Theory]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=c2VjcmV0LWtleQ==")]
    [InlineData("AccessKey=c2VjcmV0LWtleQ==; Endpoint=https://contoso.communication.azure.com/ ;")]
    public void GivenBothParts_WhenParsed_ThenEndpointAndPaddedKeyAreRead(string text)
    {
        var parsed = AcsConnectionString.Parse(text);

        Assert.Equal(new Uri("https://contoso.communication.azure.com/"), parsed.Endpoint);
        Assert.Equal("c2VjcmV0LWtleQ==", parsed.AccessKey);
    }

    [Theory]
    [InlineData("accesskey=c2VjcmV0LWtleQ==", "endpoint")]
    [InlineData("endpoint=https://contoso.communication.azure.com/", "accesskey")]
    [InlineData("endpoint=contoso;accesskey=c2VjcmV0LWtleQ==", "endpoint")]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=not base64!", "accesskey")]
    public void GivenMissingOrInvalidPart_WhenParsed_ThenTheErrorNamesIt(string text, string part)
    {
        var error = Assert.Throws<FormatException>(() => AcsConnectionString.Parse(text));

        Assert.Contains($"'{part}='", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenConnectionString_WhenPrinted_ThenTheKeyIsHidden()
    {
        var parsed = AcsConnectionString.Parse("endpoint=https://contoso.communication.azure.com/;accesskey=c2VjcmV0LWtleQ==");

        Assert.DoesNotContain("c2VjcmV0", parsed.ToString(), StringComparison.Ordinal);
    }
}
