using System.Net;
using System.Net.Sockets;

namespace Dunning.Channels.Storage.LocalEmulator;

/// <summary>The three loopback ports one Azurite listens on.</summary>
internal sealed record AzuritePorts(int Blob, int Queue, int Table)
{
    /// <summary>
    /// Takes the requested ports and fills each 0 with a port the OS says is free. All probe listeners are
    /// held until the last is picked so the three differ; the small window between releasing them and
    /// Azurite binding them is why <see cref="AzuriteLauncher"/> retries on EADDRINUSE.
    /// </summary>
    public static AzuritePorts Resolve(AzuriteLaunchOptions options)
    {
        var probes = new List<TcpListener>();
        try
        {
            int Pick(int requested, string name)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(requested, name);
                ArgumentOutOfRangeException.ThrowIfGreaterThan(requested, IPEndPoint.MaxPort, name);
                if (requested != 0)
                {
                    return requested;
                }

                var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                probes.Add(probe);
                return ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            return new AzuritePorts(
                Pick(options.BlobPort, nameof(options.BlobPort)),
                Pick(options.QueuePort, nameof(options.QueuePort)),
                Pick(options.TablePort, nameof(options.TablePort)));
        }
        finally
        {
            foreach (var probe in probes)
            {
                probe.Stop();
            }
        }
    }

    /// <summary>The ports this instance chose itself because <paramref name="options"/> asked for 0.</summary>
    public IEnumerable<int> PickedFor(AzuriteLaunchOptions options)
    {
        if (options.BlobPort == 0)
        {
            yield return Blob;
        }

        if (options.QueuePort == 0)
        {
            yield return Queue;
        }

        if (options.TablePort == 0)
        {
            yield return Table;
        }
    }
}
