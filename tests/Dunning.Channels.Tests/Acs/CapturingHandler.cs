using System.Net;
using System.Text;

namespace Dunning.Channels.Tests.Acs;

/// <summary>An HttpClient handler that keeps the request and answers with a fixed SMS result: for what needs no server
/// (a production host name on port 443, an https endpoint for bearer tokens).</summary>
internal sealed class CapturingHandler : HttpMessageHandler
{
    public HttpRequestMessage? Request { get; private set; }

    public byte[] Body { get; private set; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Request = request;
        Body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        return new HttpResponseMessage(HttpStatusCode.Accepted)
        {
            Content = new StringContent(
                """{"value":[{"to":"+8613800138000","messageId":"Outgoing_1","httpStatusCode":202,"successful":true,"repeatabilityResult":"accepted"}]}""",
                Encoding.UTF8, "application/json"),
        };
    }
}
