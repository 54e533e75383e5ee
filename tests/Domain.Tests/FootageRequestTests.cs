using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using CctvRequests.Domain.Stations;

namespace CctvRequests.Domain.Tests;

public class FootageRequestTests
{
    [Fact]
    public void Submit_ShouldStartPendingWithOneHistoryEntryByTheCitizen()
    {
        var request = TestRequests.Submit();

        Assert.Equal(RequestStatus.Pending, request.Status);
        var first = Assert.Single(request.History);
        Assert.Null(first.From);
        Assert.Equal(RequestStatus.Pending, first.To);
        Assert.Equal(Actor.Citizen.Id, first.Actor);
        Assert.Equal(TestRequests.Now, request.SubmittedAt);
    }

    [Theory]
    [InlineData(SignatureMethod.Drawn)]
    [InlineData(SignatureMethod.Typed)]
    public void Submit_ShouldKeepHowTheApplicantSigned(SignatureMethod method) =>
        Assert.Equal(method, TestRequests.Submit(signatureMethod: method).SignatureMethod);

    [Fact]
    public void Submit_WithAnUnknownSignatureMethod_ShouldThrow() =>
        Assert.Throws<DomainException>(() => TestRequests.Submit(signatureMethod: (SignatureMethod)7));

    [Fact]
    public void Submit_ShouldComputeTheFootageOverwriteDayFromTheStation()
    {
        var request = TestRequests.Submit(incidentDate: new DateOnly(2026, 2, 14));
        Assert.Equal(new DateOnly(2026, 3, 16), request.FootageOverwrittenOn);
    }

    [Fact]
    public void Submit_ForView_ShouldDropAFileCount() =>
        Assert.Null(TestRequests.Submit(Purpose.View, fileCount: 3).FileCount);

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(51)]
    public void Submit_ForCopy_WithoutAValidFileCount_ShouldThrow(int? count) =>
        Assert.Throws<DomainException>(() => TestRequests.Submit(Purpose.Copy, count));

    [Fact]
    public void Submit_WhenIncidentIsAfterTheWrittenOnDate_ShouldThrow() =>
        Assert.Throws<DomainException>(() => TestRequests.Submit(writtenOn: new DateOnly(2026, 2, 10), incidentDate: new DateOnly(2026, 2, 11)));

    [Fact]
    public void Submit_WhenWrittenInTheFuture_ShouldThrow() =>
        Assert.Throws<DomainException>(() => TestRequests.Submit(writtenOn: new DateOnly(2026, 2, 17)));

    [Fact]
    public void Submit_WithoutTheIdCardCopy_ShouldThrow()
    {
        var files = TestRequests.Files().Where(f => f.Kind != AttachmentKind.IdCardCopy).ToList();
        Assert.Throws<DomainException>(() => TestRequests.Submit(files: files));
    }

    [Fact]
    public void Submit_WithoutASignature_ShouldThrow()
    {
        var files = TestRequests.Files().Where(f => f.Kind != AttachmentKind.Signature).ToList();
        Assert.Throws<DomainException>(() => TestRequests.Submit(files: files));
    }

    [Fact]
    public void Submit_WithoutAPoliceReport_DependsOnTheSetting()
    {
        Assert.Throws<DomainException>(() => TestRequests.Submit(files: TestRequests.Files(policeReport: false)));
        Assert.NotNull(TestRequests.Submit(files: TestRequests.Files(policeReport: false), policeReportRequired: false));
    }

    [Fact]
    public void Submit_WithSixOtherDocuments_ShouldThrow()
    {
        Assert.NotNull(TestRequests.Submit(files: TestRequests.Files(others: 5)));
        Assert.Throws<DomainException>(() => TestRequests.Submit(files: TestRequests.Files(others: 6)));
    }

    [Fact]
    public void Submit_AtAnInactiveStation_ShouldThrow() =>
        Assert.Throws<DomainException>(() => TestRequests.Submit(station: Station.Create(9, "ปิด", "Closed", "เมือง", isActive: false)));

    [Fact]
    public void MaskedName_ShouldKeepTwoLettersOfEachName() =>
        Assert.Equal("นายสม*** ใจ***", TestRequests.Applicant().MaskedName);

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
