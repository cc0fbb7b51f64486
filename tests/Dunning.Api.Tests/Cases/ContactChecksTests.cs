using Dunning.Endpoints.Cases;

namespace Dunning.Api.Tests;

/// <summary>The contact checks: E.164 exactly as written (and its region), plain e-mail addresses, IANA zones.</summary>
public sealed class ContactChecksTests
{
    [Theory]
    [InlineData("+8613800138000", "CN")]
    [InlineData("+14155552671", "US")]
    [InlineData("+442071838750", "GB")]
    public void GivenAValidE164Number_WhenChecked_ThenValidWithItsRegion(string phone, string region)
    {
        Assert.True(ContactChecks.IsE164(phone, out var found));
        Assert.Equal(region, found);
    }

    [Theory]
    [InlineData("13800138000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("+86-138-0013-8000")]
    [InlineData("+1")]
    [InlineData("+999123456789")]
    [InlineData("tel:+8613800138000")]
    public void GivenAnythingElse_WhenChecked_ThenInvalid(string phone)
    {
        Assert.False(ContactChecks.IsE164(phone, out _));
    }

    [Theory]
    [InlineData("li.wei@example.com", true)]
    [InlineData("a+tag@sub.example.cn", true)]
    [InlineData("Li Wei <li.wei@example.com>", false)]
    [InlineData("li.wei@", false)]
    [InlineData("li wei@example.com", false)]
    [InlineData(" li.wei@example.com", false)]
    public void GivenAnAddress_WhenChecked_ThenOnlyAPlainAddressPasses(string email, bool valid)
    {
        Assert.Equal(valid, ContactChecks.IsEmail(email));
    }

    [Theory]
    [InlineData("Asia/Shanghai", true)]
    [InlineData("America/New_York", true)]
    [InlineData("China Standard Time", false)]
    [InlineData("Asia/Atlantis", false)]
    public void GivenAZone_WhenChecked_ThenOnlyIanaIdsPass(string zone, bool valid)
    {
        Assert.Equal(valid, ContactChecks.IsTimeZone(zone));
    }
}
