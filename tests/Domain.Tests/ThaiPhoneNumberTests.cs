using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Tests;

public class ThaiPhoneNumberTests
{
    [Theory]
    [InlineData("0812345678", "+66812345678")]
    [InlineData("+66812345678", "+66812345678")]
    [InlineData("021234567", "+6621234567")]
    [InlineData("081-234-5678", "+66812345678")]
    [InlineData("๐๘๑-๒๓๔-๕๖๗๘", "+66812345678")]
    [InlineData("054-237600", "+6654237600")]
    [InlineData("+66 54 237 600", "+6654237600")]
    [InlineData("0612345678", "+66612345678")]
    [InlineData("0912345678", "+66912345678")]
    public void TryParse_WhenComplete_ShouldStoreE164(string input, string e164)
    {
        Assert.True(ThaiPhoneNumber.TryParse(input, out var phone));
        Assert.Equal(e164, phone.E164);
    }

    [Theory]
    [InlineData("0123456789")] // 01 is no Thai prefix
    [InlineData("081234567")] // mobile with 9 digits
    [InlineData("02123456")] // landline with 8 digits
    [InlineData("0212345678")] // landline with 10 digits
    [InlineData("+6681234567")] // +66 mobile one digit short
    [InlineData("812345678")] // no leading zero
    [InlineData("08123456ab")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_WhenIncomplete_ShouldRefuse(string? input) => Assert.False(ThaiPhoneNumber.TryParse(input, out _));

    [Theory]
    [InlineData("0812345678", "081-234-5678")]
    [InlineData("021234567", "02-123-4567")]
    [InlineData("054237600", "054-237600")]
    public void National_ShouldPrintAsThaisWriteIt(string input, string expected) =>
        Assert.Equal(expected, ThaiPhoneNumber.Parse(input).National);

    [Fact]
    public void ToString_ShouldMaskAllButTheLastFourDigits() =>
        Assert.Equal("xxx-xxx-5678", ThaiPhoneNumber.Parse("0812345678").ToString());
}
