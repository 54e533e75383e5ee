using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Tests;

public class NationalIdTests
{
    [Theory]
    [InlineData("1112034563562")]
    [InlineData("3100600445635")]
    [InlineData("๑๑๑๒๐๓๔๕๖๓๕๖๒")]
    [InlineData("1-1120-34563-56-2")]
    [InlineData(" 1 1120 34563 56 2 ")]
    [InlineData("๑-๑๑๒๐-๓๔๕๖๓-๕๖-๒")]
    public void TryParse_WhenValid_ShouldGiveThirteenAsciiDigits(string input)
    {
        Assert.True(NationalId.TryParse(input, out var id));
        Assert.Matches("^[0-9]{13}$", id.Value);
    }

    [Fact]
    public void TryParse_WhenThaiDigits_ShouldEqualTheAsciiForm()
    {
        NationalId.TryParse("๑๑๑๒๐๓๔๕๖๓๕๖๒", out var thai);
        Assert.Equal("1112034563562", thai!.Value);
    }

    [Theory]
    [InlineData("1112034563563")] // wrong check digit
    [InlineData("111203456356")] // 12 digits
    [InlineData("11120345635620")] // 14 digits
    [InlineData("9112034563562")] // first digit 9
    [InlineData("111203456356A")] // a letter
    [InlineData("abcdefghijklm")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryParse_WhenInvalid_ShouldRefuse(string? input) => Assert.False(NationalId.TryParse(input, out _));

    [Fact]
    public void FirstDigitNine_WithAValidCheckDigit_IsStillRefused()
    {
        var digits = "91120345635";
        var first12 = digits + "6";
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (first12[i] - '0') * (13 - i);
        }
        var id = first12 + (char)('0' + (11 - sum % 11) % 10);
        Assert.True(NationalId.HasValidCheckDigit(id));
        Assert.False(NationalId.TryParse(id, out _));
    }

    [Fact]
    public void Parse_WhenInvalid_ShouldThrowDomainException() =>
        Assert.Throws<DomainException>(() => NationalId.Parse("1112034563563"));

    [Fact]
    public void ToString_ShouldNeverShowTheWholeId()
    {
        var id = NationalId.Parse("1112034563562");
        Assert.DoesNotContain("1112034563562", id.ToString());
        Assert.Equal("x-xxxx-xxxxx-56-2", id.ToString());
        Assert.Equal("1-1120-34563-56-2", id.Formatted);
    }

    [Fact]
    public void Equality_ShouldFollowTheDigits() =>
        Assert.Equal(NationalId.Parse("1-1120-34563-56-2"), NationalId.Parse("1112034563562"));
}
