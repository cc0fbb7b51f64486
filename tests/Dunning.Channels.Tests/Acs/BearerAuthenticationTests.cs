using Azure.Core;
using Azure.Core.Pipeline;
using Dunning.Channels.Acs;
using Moq;

namespace Dunning.Channels.Tests.Acs;

/// <summary>Managed identity instead of a key: a bearer token for the Communication Services scope. Entra ID is the
/// edge we cannot run here, so the credential is a mock.</summary>
public sealed class BearerAuthenticationTests
{
    [Fact]
    public async Task GivenTokenCredential_WhenSending_ThenTheRequestCarriesATokenForTheCommunicationScope()
    {
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("token-from-entra", DateTimeOffset.UtcNow.AddHours(1)));
        var handler = new CapturingHandler();
        var options = AcsPipeline.ClientOptions(AcsTestKit.FastOptions());
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        var endpoint = new Uri("https://contoso.communication.azure.com/");
        var client = new AcsSmsClient(AcsPipeline.Build(options, credential.Object), endpoint);

        await client.SendAsync(new SmsSendRequest(AcsTestKit.SenderPhone, [new SmsRecipient("+8613800138000", Guid.NewGuid(), DateTimeOffset.UtcNow)], "Due today."));

        Assert.Equal("Bearer token-from-entra", handler.Request!.Headers.Authorization!.ToString());
        Assert.False(handler.Request.Headers.Contains("x-ms-content-sha256"));
        credential.Verify(c => c.GetTokenAsync(
            It.Is<TokenRequestContext>(t => t.Scopes.SequenceEqual(new[] { "https://communication.azure.com//.default" })),
            It.IsAny<CancellationToken>()), Times.Once);
    }
}
