using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using CctvRequests.Domain.Stations;
using CctvRequests.TestSupport;

namespace CctvRequests.Domain.Tests;

public class FootageRequestTests
{
    [Fact]
    public void Submit_ShouldStartPendingWithOneHistoryEntryByTheCitizen()
    {
        var request = new FootageRequestBuilder().Build();

        Assert.Equal(RequestStatus.Pending, request.Status);
        var first = Assert.Single(request.History);
        Assert.Null(first.From);
        Assert.Equal(RequestStatus.Pending, first.To);
        Assert.Equal(Actor.Citizen.Id, first.Actor);
        Assert.Equal(FootageRequestBuilder.DefaultNow, request.SubmittedAt);
    }

    [Theory]
    [InlineData(SignatureMethod.Drawn)]
    [InlineData(SignatureMethod.Typed)]
    public void Submit_ShouldKeepHowTheApplicantSigned(SignatureMethod method) =>
        Assert.Equal(method, new FootageRequestBuilder().SignedBy(method).Build().SignatureMethod);

    [Fact]
    public void Submit_WithAnUnknownSignatureMethod_ShouldThrow() =>
        Assert.Throws<DomainException>(() => new FootageRequestBuilder().SignedBy((SignatureMethod)7).Build());

    [Fact]
    public void Submit_ShouldComputeTheFootageOverwriteDayFromTheStation()
    {
        var request = new FootageRequestBuilder().IncidentOn(new DateOnly(2026, 2, 14)).Build();
        Assert.Equal(new DateOnly(2026, 3, 16), request.FootageOverwrittenOn);
    }

    [Fact]
    public void Submit_ForView_ShouldDropAFileCount() =>
        Assert.Null(new FootageRequestBuilder().For(Purpose.View, fileCount: 3).Build().FileCount);

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(51)]
    public void Submit_ForCopy_WithoutAValidFileCount_ShouldThrow(int? count) =>
        Assert.Throws<DomainException>(() => new FootageRequestBuilder().For(Purpose.Copy, count).Build());

    [Fact]
    public void Submit_WhenIncidentIsAfterTheWrittenOnDate_ShouldThrow() =>
        Assert.Throws<DomainException>(() => new FootageRequestBuilder().WrittenOn(new DateOnly(2026, 2, 10)).IncidentOn(new DateOnly(2026, 2, 11)).Build());

    [Fact]
    public void Submit_WhenWrittenInTheFuture_ShouldThrow() =>
        Assert.Throws<DomainException>(() => new FootageRequestBuilder().WrittenOn(new DateOnly(2026, 2, 17)).Build());

    [Fact]
    public void Submit_WithoutTheIdCardCopy_ShouldThrow()
    {
        var files = FootageRequestBuilder.Files().Where(f => f.Kind != AttachmentKind.IdCardCopy).ToList();
        Assert.Throws<DomainException>(() => new FootageRequestBuilder().WithFiles(files).Build());
    }

    [Fact]
    public void Submit_WithoutASignature_ShouldThrow()
    {
        var files = FootageRequestBuilder.Files().Where(f => f.Kind != AttachmentKind.Signature).ToList();
        Assert.Throws<DomainException>(() => new FootageRequestBuilder().WithFiles(files).Build());
    }

    [Fact]
    public void Submit_WithoutAPoliceReport_DependsOnTheSetting()
    {
        Assert.Throws<DomainException>(() => new FootageRequestBuilder().WithFiles(FootageRequestBuilder.Files(policeReport: false)).Build());
        Assert.NotNull(new FootageRequestBuilder().WithFiles(FootageRequestBuilder.Files(policeReport: false)).PoliceReportRequired(false).Build());
    }

    [Fact]
    public void Submit_WithSixOtherDocuments_ShouldThrow()
    {
        Assert.NotNull(new FootageRequestBuilder().WithFiles(FootageRequestBuilder.Files(others: 5)).Build());
        Assert.Throws<DomainException>(() => new FootageRequestBuilder().WithFiles(FootageRequestBuilder.Files(others: 6)).Build());
    }

    [Fact]
    public void Submit_AtAnInactiveStation_ShouldThrow() =>
        Assert.Throws<DomainException>(() => new FootageRequestBuilder().AtStation(Station.Create(9, "ปิด", "Closed", "เมือง", isActive: false)).Build());

    [Fact]
    public void MaskedName_ShouldKeepTwoLettersOfEachName() =>
        Assert.Equal("นายสม*** ใจ***", FootageRequestBuilder.NewApplicant().MaskedName);

    [Fact]
    public void MaskedName_ShouldKeepThaiVowelsWithTheirConsonant()
    {
        var applicant = Applicant.Create("นาง", "สุดา", "มีสุข", IdentityDocument.Of(NationalId.Parse("1112034563562")), 40, null, "ไทย", "ที่อยู่ทดสอบ", ThaiPhoneNumber.Parse("0812345678"));
        Assert.Equal("นางสุด*** มีสุ***", applicant.MaskedName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    public void Applicant_WithAnAgeOutOfRange_ShouldThrow(int age) =>
        Assert.Throws<DomainException>(() => Applicant.Create("นาย", "ก", "ข", IdentityDocument.Of(NationalId.Parse("1112034563562")), age, null, "ไทย", "ที่อยู่ทดสอบ", ThaiPhoneNumber.Parse("0812345678")));
}
