using CctvRequests.Domain.Requests;

namespace CctvRequests.Domain.Tests;

public class ReferenceAndTokenTests
{
    [Fact]
    public void ReferenceNumber_ShouldCarryTheBuddhistYearAndSixDigits() =>
        Assert.Equal("CCTV-2569-000123", ReferenceNumber.Create(2569, 123).Value);

    [Theory]
    [InlineData("CCTV-2569-000123", true)]
    [InlineData("cctv-2569-000123", true)]
    [InlineData("CCTV-2569-1", false)]
    [InlineData("REQ-2569-000123", false)]
    public void ReferenceNumber_TryParse(string input, bool valid) => Assert.Equal(valid, ReferenceNumber.TryParse(input, out _));

    [Fact]
    public void StatusToken_ShouldCarryAtLeast128RandomBits()
    {
        var tokens = Enumerable.Range(0, 200).Select(_ => StatusToken.NewToken()).ToList();
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        Assert.All(tokens, t =>
        {
            Assert.Equal(StatusToken.Length, t.Length);
            Assert.True(StatusToken.IsWellFormed(t));
            Assert.Matches("^[A-Za-z0-9_-]+$", t); // URL-safe
        });
        Assert.True(StatusToken.Bytes * 8 >= 128);
    }

    [Fact]
    public void StatusToken_HashIsSha256AndStable()
    {
        var token = StatusToken.NewToken();
        Assert.Equal(32, StatusToken.Hash(token).Length);
        Assert.Equal(StatusToken.Hash(token), StatusToken.Hash(token));
        Assert.NotEqual(StatusToken.Hash(token), StatusToken.Hash(StatusToken.NewToken()));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    public void StatusToken_RefusesMalformedTokens(string? token) => Assert.False(StatusToken.IsWellFormed(token));
}
