using Azure.Core;

namespace Dunning.Channels.Acs;

/// <summary>Azure.Core client options for the SMS and e-mail clients: retries (429 with retry-after, 408, 5xx),
/// timeouts, transport and diagnostics.</summary>
public sealed class AcsClientOptions : ClientOptions
{
    public AcsClientOptions()
    {
        // The send bodies carry phone numbers and addresses: never into logs, whatever the host's diagnostics say.
        Diagnostics.IsLoggingContentEnabled = false;
    }
}
