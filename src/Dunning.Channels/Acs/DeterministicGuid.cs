using System.Security.Cryptography;
using System.Text;

namespace Dunning.Channels.Acs;

/// <summary>Name-based UUIDs (RFC 9562 version 8, from SHA-256 of the name): the same idempotency key always names
/// the same repeatability request and e-mail operation, in any process, after any crash.</summary>
public static class DeterministicGuid
{
    public static Guid From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> bytes = stackalloc byte[16];
        SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).CopyTo(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
