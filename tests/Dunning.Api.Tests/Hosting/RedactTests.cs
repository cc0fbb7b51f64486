using Dunning.Endpoints.Logging;

namespace Dunning.Api.Tests;

/// <summary>Masks keep a hint for telling records apart and never the whole value.</summary>
public sealed class RedactTests
{
    [Fact]
    public void GivenPersonalData_WhenRedacted_ThenNoneOfItRemainsInClear()
    {
        Assert.Equal("+86*********00", Redact.Phone("+8613800138000"));
        Assert.Equal("l***@e***.com", Redact.Email("li.wei@example.com"));
        Assert.Equal("L. W.", Redact.Name("Li Wei"));
        Assert.Equal("-", Redact.Phone(null));
        Assert.Equal("-", Redact.Email(""));
        Assert.Equal("***", Redact.Email("no-at-sign"));
    }
}
