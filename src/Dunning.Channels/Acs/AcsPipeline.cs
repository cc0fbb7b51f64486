using Azure.Core;
using Azure.Core.Pipeline;

namespace Dunning.Channels.Acs;

/// <summary>Builds the Azure.Core pipeline both ACS clients share: retries as <see cref="ChannelRetries.ForAcsRequests"/>
/// states them, then the authentication policy on every attempt.</summary>
public static class AcsPipeline
{
    /// <summary>The Entra ID scope of Communication Services; the double slash is the service's own spelling.</summary>
    public const string Scope = "https://communication.azure.com//.default";

    public static AcsClientOptions ClientOptions(AcsOptions options)
    {
        var client = new AcsClientOptions();
        ChannelRetries.ForAcsRequests(client.Retry, options);
        return client;
    }

    /// <summary>Signs with the connection string's access key.</summary>
    public static HttpPipeline Build(AcsClientOptions options, AcsConnectionString connection, TimeProvider realTime) =>
        Build(options, new HmacAuthenticationPolicy(connection.AccessKey, realTime));

    /// <summary>Authenticates with Entra ID tokens (managed identity).</summary>
    public static HttpPipeline Build(AcsClientOptions options, TokenCredential credential) =>
        Build(options, new BearerTokenAuthenticationPolicy(credential, Scope));

    public static HttpPipeline Build(AcsClientOptions options, HttpPipelinePolicy authentication) =>
        HttpPipelineBuilder.Build(options, [], [authentication], new ResponseClassifier());
}
