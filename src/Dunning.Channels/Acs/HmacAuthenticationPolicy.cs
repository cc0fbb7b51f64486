using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Dunning.Channels.Acs;

/// <summary>Signs every request with the resource's access key, as Communication Services expects (the same scheme as
/// the SDK's HMACAuthenticationPolicy). Added per retry: each attempt is signed again with a fresh date.</summary>
public sealed class HmacAuthenticationPolicy : HttpPipelinePolicy
{
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <param name="accessKey">The base64 access key.</param>
    /// <param name="realTime">Real time: the service refuses dates more than minutes off, so never the virtual clock.</param>
    public HmacAuthenticationPolicy(string accessKey, TimeProvider realTime)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKey);
        _key = Convert.FromBase64String(accessKey);
        _time = realTime;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        using var body = new MemoryStream();
        message.Request.Content?.WriteTo(body, message.CancellationToken);
        Sign(message, body);
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        using var body = new MemoryStream();
        if (message.Request.Content is { } content)
        {
            await content.WriteToAsync(body, message.CancellationToken).ConfigureAwait(false);
        }

        Sign(message, body);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    /// <summary>The string the signature covers: method, path and query, then date, host and content hash.</summary>
    public static string StringToSign(string method, Uri uri, string date, string contentHash) =>
        $"{method}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";

    private void Sign(HttpMessage message, MemoryStream body)
    {
        var contentHash = Convert.ToBase64String(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
        var date = _time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        // Uri.Authority leaves out a default port, as the service's own check does.
        var toSign = StringToSign(message.Request.Method.Method, message.Request.Uri.ToUri(), date, contentHash);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(toSign)));

        message.Request.Headers.SetValue("x-ms-date", date);
        message.Request.Headers.SetValue("x-ms-content-sha256", contentHash);
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={signature}");
    }
}
