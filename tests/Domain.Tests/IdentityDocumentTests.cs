using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Tests;

public class IdentityDocumentTests
{
    [Theory]
    [InlineData("AB1234567", "AB1234567")]
    [InlineData("ab 123-4567", "AB1234567")]
    [InlineData("X1234", "X1234")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    public void PassportNumber_Parse_WhenLettersAndDigits_ShouldNormalize(string input, string expected) =>
        Assert.Equal(expected, PassportNumber.Parse(input).Value);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AB12")]
    [InlineData("123456789012345678901")]
    [InlineData("AB#123456")]
    [InlineData("АВ1234567")] // Cyrillic look-alikes
    [InlineData("AB1234\u202E567")]
    public void PassportNumber_TryParse_WhenMalformed_ShouldRefuse(string? input) =>
        Assert.False(PassportNumber.TryParse(input, out _));

    [Fact]
    public void Passport_ToString_ShouldBeMasked()
    {
        var document = IdentityDocument.Of(PassportNumber.Parse("AB1234567"), Countries.Find("gbr")!);
        Assert.Equal("GBR ******567", document.ToString());
        Assert.DoesNotContain("1234", document.ToString());
        Assert.Equal("GBR AB1234567", document.Formatted);
    }

    [Fact]
    public void NationalId_AsDocument_ShouldKeepItsMaskAndFormat()
    {
        var document = IdentityDocument.Of(NationalId.Parse("1112034563562"));
        Assert.Equal(IdentityDocumentKind.NationalId, document.Kind);
        Assert.Null(document.Country);
        Assert.Equal("x-xxxx-xxxxx-56-2", document.ToString());
        Assert.Equal("1-1120-34563-56-2", document.Formatted);
    }

    [Fact]
    public void Documents_AreEqual_OnlyWithTheSameKindNumberAndCountry()
    {
        var british = IdentityDocument.Of(PassportNumber.Parse("AB1234567"), Countries.Find("GBR")!);
        Assert.Equal(british, IdentityDocument.Of(PassportNumber.Parse("ab1234567"), Countries.Find("GBR")!));
        Assert.NotEqual(british, IdentityDocument.Of(PassportNumber.Parse("AB1234567"), Countries.Find("FRA")!));
    }

    [Fact]
    public void Restore_WhenTheStoredValuesBreakTheRules_ShouldThrow()
    {
        Assert.Throws<DomainException>(() => IdentityDocument.Restore(IdentityDocumentKind.NationalId, "1112034563563", null));
        Assert.Throws<DomainException>(() => IdentityDocument.Restore(IdentityDocumentKind.Passport, "AB1234567", "ZZZ"));
        Assert.Equal("FRA", IdentityDocument.Restore(IdentityDocumentKind.Passport, "AB1234567", "FRA").Country);
    }

    [Theory]
    [InlineData("THA", "TH")]
    [InlineData("gbr", "GB")]
    [InlineData("XKX", "XK")]
    public void Countries_Find_ShouldKnowTheIsoCodes(string alpha3, string alpha2) => Assert.Equal(alpha2, Countries.Find(alpha3)!.Alpha2);

    [Theory]
    [InlineData("XYZ")]
    [InlineData("GB")]
    [InlineData(null)]
    public void Countries_Find_WhenUnknown_ShouldBeNull(string? code) => Assert.Null(Countries.Find(code));

    [Fact]
    public void Countries_ShouldHaveEveryIsoCountryOnce() =>
        Assert.Equal(Countries.All.Count, Countries.All.Select(c => c.Alpha3).Distinct().Count());

    [Fact]
    public void Text_In_ShouldPickTheLanguage_ThaiByDefault()
    {
        var text = new Text("ยกเลิก", "Cancelled");
        Assert.Equal("Cancelled", text.In("en"));
        Assert.Equal("ยกเลิก", text.In("th"));
        Assert.Equal("ยกเลิก", text.In("fr"));
    }
}
