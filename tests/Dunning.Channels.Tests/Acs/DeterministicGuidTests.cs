using Dunning.Channels.Acs;

namespace Dunning.Channels.Tests.Acs;

public sealed class DeterministicGuidTests
{
    [Fact]
    public void GivenOneKey_WhenDerivedTwice_ThenTheSameVersion8Uuid()
    {
        var first = DeterministicGuid.From("c0a1b2:0000000007");
        var again = DeterministicGuid.From("c0a1b2:0000000007");

        Assert.Equal(first, again);
        var text = first.ToString("D");
        Assert.Equal('8', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void GivenKeysThatDifferByOneSequence_WhenDerived_ThenTheUuidsDiffer() =>
        Assert.NotEqual(DeterministicGuid.From("c0a1b2:0000000007"), DeterministicGuid.From("c0a1b2:0000000008"));

    [Fact]
    public void GivenAKey_WhenDerived_ThenItIsTheFirstSixteenBytesOfItsSha256WithVersionAndVariantSet()
    {
        var hash = System.Security.Cryptography.SHA256.HashData("k"u8);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);

        Assert.Equal(Convert.ToHexStringLower(hash.AsSpan(0, 16)), DeterministicGuid.From("k").ToString("N"));
    }
}
