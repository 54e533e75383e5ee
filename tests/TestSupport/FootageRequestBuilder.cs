using System.Security.Cryptography;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using CctvRequests.Domain.Stations;

namespace CctvRequests.TestSupport;

/// <summary>
/// A <see cref="FootageRequest"/> as a test needs it: valid by default (a copy of two files, filed
/// today by a person with a generated national ID), changed one thing at a time, and brought to a
/// status through allowed moves only. Pure domain: the domain tests compile it too (linked), and the
/// API tests store what it builds (<see cref="StoredRequests"/>).
/// </summary>
public sealed class FootageRequestBuilder
{
    /// <summary>10:00 in Bangkok on 16 February 2026 (2569).</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 2, 16, 3, 0, 0, TimeSpan.Zero);

    public static readonly Station DefaultStation = Station.Create(3, "สวนสาธารณะหนองกระทิง อ.เมือง จ.ลำปาง", "Nong Krating Park", "เมืองลำปาง");

    public static readonly Actor Officer = new("officer.test", "เจ้าหน้าที่ ทดสอบ");
    public static readonly Actor Approver = new("approver.test", "ผู้อนุมัติ ทดสอบ");

    private static int _sequence = 900_000;

    private ReferenceNumber? _reference;
    private DateTimeOffset _submittedAt = DefaultNow;
    private DateOnly? _writtenOn;
    private DateOnly? _incidentDate;
    private TimeOnly _incidentTime = new(14, 30);
    private Purpose _purpose = Purpose.Copy;
    private int? _fileCount = 2;
    private Station _station = DefaultStation;
    private Applicant? _applicant;
    private (string Title, string First, string Last) _name = ("นาย", "สมศักดิ์", "ใจดี");
    private string _reason = "ต้องการขอข้อมูลภาพเหตุการณ์เพื่อค้นหาของที่สูญหาย";
    private List<Attachment>? _files;
    private SignatureMethod _signatureMethod = SignatureMethod.Drawn;
    private bool _policeReportRequired = true;
    private byte[]? _tokenHash;
    private RequestStatus _status = RequestStatus.Pending;
    private DateTimeOffset? _decidedAt;
    private string _cancelReason = CancellationReason.IncompleteData;

    public FootageRequestBuilder WithReference(ReferenceNumber reference) => Set(() => _reference = reference);

    public FootageRequestBuilder SubmittedAt(DateTimeOffset at) => Set(() => _submittedAt = at);

    public FootageRequestBuilder WrittenOn(DateOnly day) => Set(() => _writtenOn = day);

    public FootageRequestBuilder IncidentOn(DateOnly day, TimeOnly? time = null) => Set(() =>
    {
        _incidentDate = day;
        _incidentTime = time ?? _incidentTime;
    });

    /// <summary>A copy of <paramref name="fileCount"/> files, or a view (no count).</summary>
    public FootageRequestBuilder For(Purpose purpose, int? fileCount = 2) => Set(() =>
    {
        _purpose = purpose;
        _fileCount = fileCount;
    });

    public FootageRequestBuilder AtStation(Station station) => Set(() => _station = station);

    public FootageRequestBuilder By(string title, string firstName, string lastName) => Set(() => _name = (title, firstName, lastName));

    public FootageRequestBuilder WithApplicant(Applicant applicant) => Set(() => _applicant = applicant);

    public FootageRequestBuilder WithReason(string reason) => Set(() => _reason = reason);

    public FootageRequestBuilder WithFiles(IEnumerable<Attachment> files) => Set(() => _files = files.ToList());

    public FootageRequestBuilder SignedBy(SignatureMethod method) => Set(() => _signatureMethod = method);

    public FootageRequestBuilder PoliceReportRequired(bool required) => Set(() => _policeReportRequired = required);

    public FootageRequestBuilder WithStatusTokenHash(byte[] hash) => Set(() => _tokenHash = hash);

    /// <summary>Received, Approved or Cancelled (with <paramref name="cancelReason"/>), decided at <paramref name="decidedAt"/> (a day after filing).</summary>
    public FootageRequestBuilder InStatus(RequestStatus status, DateTimeOffset? decidedAt = null, string? cancelReason = null) => Set(() =>
    {
        _status = status;
        _decidedAt = decidedAt;
        _cancelReason = cancelReason ?? _cancelReason;
    });

    public FootageRequest Build()
    {
        var number = Interlocked.Increment(ref _sequence);
        var writtenOn = _writtenOn ?? BangkokTime.DateOf(_submittedAt);
        var request = FootageRequest.Submit(
            _reference ?? ReferenceNumber.Create(BangkokTime.BuddhistYear(writtenOn), number),
            writtenOn,
            _applicant ?? NewApplicant(_name.Title, _name.First, _name.Last),
            _purpose,
            _fileCount,
            _station,
            _incidentDate ?? writtenOn.AddDays(-2),
            _incidentTime,
            _reason,
            _files ?? Files(),
            _signatureMethod,
            PrivacyConsent.Create("2569-1", new string('f', 64), "th", _submittedAt),
            _tokenHash ?? SHA256.HashData(Guid.NewGuid().ToByteArray()),
            _submittedAt,
            _policeReportRequired);
        var decidedAt = _decidedAt ?? _submittedAt.AddDays(1);
        switch (_status)
        {
            case RequestStatus.Received:
                request.Receive(Officer, decidedAt);
                break;
            case RequestStatus.Approved:
                request.Receive(Officer, decidedAt.AddHours(-1));
                request.Approve(Approver, StaffRole.Approver, decidedAt);
                break;
            case RequestStatus.Cancelled:
                request.Cancel(Officer, decidedAt, _cancelReason, "ยกเลิก");
                break;
        }
        return request;
    }

    /// <summary>A person with a generated national ID who lives in Lampang.</summary>
    public static Applicant NewApplicant(string title = "นาย", string firstName = "สมศักดิ์", string lastName = "ใจดี") => Applicant.Create(
        title, firstName, lastName, IdentityDocument.Of(NationalId.Parse(NationalIds.New())), 35, null, "ไทย", "99 หมู่ 1 ต.ศาลา อ.เกาะคา จ.ลำปาง", ThaiPhoneNumber.Parse("0812345678"));

    /// <summary>One file's row: a random storage key (no bytes are stored).</summary>
    public static Attachment File(AttachmentKind kind) =>
        Attachment.Create(kind, $"2026/02/{Guid.NewGuid():N}.pdf", "file.pdf", "application/pdf", 1234, new string('a', 64));

    /// <summary>The ID card copy and the signature, the police report unless left out, and <paramref name="others"/> other documents.</summary>
    public static List<Attachment> Files(bool policeReport = true, int others = 0)
    {
        var files = new List<Attachment> { File(AttachmentKind.IdCardCopy), File(AttachmentKind.Signature) };
        if (policeReport)
        {
            files.Add(File(AttachmentKind.PoliceReport));
        }
        files.AddRange(Enumerable.Range(0, others).Select(_ => File(AttachmentKind.Other)));
        return files;
    }

    private FootageRequestBuilder Set(Action change)
    {
        change();
        return this;
    }
}
