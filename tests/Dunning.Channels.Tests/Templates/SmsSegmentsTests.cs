using Dunning.Channels.Templates;

namespace Dunning.Channels.Tests;

/// <summary>Segment counting by 3GPP TS 23.038: GSM-7 160/153 with two-septet extension characters, UCS-2 70/67.</summary>
public sealed class SmsSegmentsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Gsm7_text_fits_160_alone_and_153_per_part(int length, int segments)
    {
        Assert.Equal(segments, SmsSegments.Count(new string('a', length)));
    }

    [Fact]
    public void Extension_characters_cost_two_septets()
    {
        Assert.True(SmsSegments.IsGsm7("{}[]~|^€\\"));
        Assert.Equal(1, SmsSegments.Count(new string('€', 80)));
        Assert.Equal(2, SmsSegments.Count(new string('€', 81)));
        Assert.Equal(1, SmsSegments.Count(new string('a', 158) + "€"));
        Assert.Equal(2, SmsSegments.Count(new string('a', 159) + "€"));
    }

    [Fact]
    public void An_extension_character_is_never_split_across_parts()
    {
        // 152 septets then a two-septet character: it cannot take the last septet of part one.
        Assert.Equal(2, SmsSegments.Count(new string('a', 152) + "€" + new string('a', 151)));
        Assert.Equal(3, SmsSegments.Count(new string('a', 152) + "€" + new string('a', 152)));
    }

    [Fact]
    public void Gsm7_covers_its_own_accented_and_greek_letters()
    {
        Assert.True(SmsSegments.IsGsm7("¥£$@ÄÖÑÜäöñüàèéùìòÇØøÅåÆæßÉΔΦΓΛΩΠΨΣΘΞ§¿¡"));
        Assert.False(SmsSegments.IsGsm7("ç"));
        Assert.False(SmsSegments.IsGsm7("\u001B"));
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Chinese_text_is_ucs2_70_alone_and_67_per_part(int length, int segments)
    {
        Assert.Equal(segments, SmsSegments.Count(new string('催', length)));
    }

    [Fact]
    public void One_non_gsm_character_makes_the_whole_text_ucs2()
    {
        Assert.Equal(1, SmsSegments.Count(new string('a', 69) + "退"));
        Assert.Equal(2, SmsSegments.Count(new string('a', 70) + "退"));
    }

    [Fact]
    public void A_surrogate_pair_counts_two_units_and_stays_in_one_part()
    {
        Assert.Equal(1, SmsSegments.Count(new string('a', 68) + "😀"));
        Assert.Equal(2, SmsSegments.Count(new string('a', 69) + "😀"));
        Assert.Equal(2, SmsSegments.Count(new string('a', 66) + "😀" + new string('a', 65)));
        Assert.Equal(3, SmsSegments.Count(new string('a', 66) + "😀" + new string('a', 66)));
    }
}
