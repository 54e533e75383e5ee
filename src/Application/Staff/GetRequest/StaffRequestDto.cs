using System.Text.Json.Serialization;
using CctvRequests.Domain.Requests;

namespace CctvRequests.Application.Staff.GetRequest;

/// <summary>Everything about one request, for the officer who checks it against its documents.</summary>
public sealed record StaffRequestDto
{
    public string ReferenceNumber { get; init; } = string.Empty;

    [JsonConverter(typeof(JsonStringEnumConverter<RequestStatus>))]
    public RequestStatus Status { get; init; }

    public string StatusText { get; init; } = string.Empty;
    public DateOnly WrittenOn { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public StaffApplicantDto Applicant { get; init; } = new();

    [JsonConverter(typeof(JsonStringEnumConverter<Purpose>))]
    public Purpose Purpose { get; init; }

    public string PurposeText { get; init; } = string.Empty;
    public int? FileCount { get; init; }
    public int StationId { get; init; }
    public string StationName { get; init; } = string.Empty;
    public DateOnly IncidentDate { get; init; }
    public string IncidentTime { get; init; } = string.Empty;
    public string Reason { get; init; } = string.Empty;

    /// <summary><c>Drawn</c> or <c>Typed</c>: how the applicant made the signature image; the printed form says so.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<SignatureMethod>))]
    public SignatureMethod SignatureMethod { get; init; }

    public string SignatureMethodText { get; init; } = string.Empty;
    public DateOnly FootageOverwrittenOn { get; init; }
    public int DaysLeft { get; init; }
    public string? Flag { get; init; }
    public StaffConsentDto PrivacyConsent { get; init; } = new();
    public IReadOnlyList<StaffAttachmentDto> Attachments { get; init; } = [];
    public IReadOnlyList<StaffHistoryDto> History { get; init; } = [];
    public IReadOnlyList<StaffNoteDto> Notes { get; init; } = [];
    public IReadOnlyList<StaffPreservationDto> Preservations { get; init; } = [];
    public IReadOnlyList<StaffHandOverDto> HandOvers { get; init; } = [];

    /// <summary>When it was approved or cancelled; null while open.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>What the signed-in user may do now: receive, approve, cancel, note, preserve.</summary>
    public IReadOnlyList<string> AllowedActions { get; init; } = [];

    /// <summary>The row version, sent as the <c>ETag</c> header.</summary>
    [JsonIgnore]
    public uint Version { get; init; }
}

public sealed record StaffApplicantDto
{
    public string Title { get; init; } = string.Empty;
    public string FirstName { get; init; } = string.Empty;
    public string LastName { get; init; } = string.Empty;
    public string FullName { get; init; } = string.Empty;

    /// <summary><c>NationalId</c> or <c>Passport</c>.</summary>
    public string IdentityKind { get; init; } = string.Empty;

    /// <summary>In full (<c>1-1120-34563-56-2</c>): officers check it against the ID card copy.</summary>
    public string? NationalId { get; init; }

    public string? PassportNumber { get; init; }
    public string? PassportCountry { get; init; }
    public int Age { get; init; }
    public string? Ethnicity { get; init; }
    public string Nationality { get; init; } = string.Empty;
    public string Address { get; init; } = string.Empty;
    public string Phone { get; init; } = string.Empty;
}

public sealed record StaffConsentDto
{
    public string NoticeVersion { get; init; } = string.Empty;
    public string Language { get; init; } = string.Empty;
    public DateTimeOffset AcceptedAt { get; init; }
}

public sealed record StaffAttachmentDto
{
    public Guid Id { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<AttachmentKind>))]
    public AttachmentKind Kind { get; init; }

    public string KindText { get; init; } = string.Empty;
    public string FileName { get; init; } = string.Empty;
    public string ContentType { get; init; } = string.Empty;
    public long SizeBytes { get; init; }
    public string Sha256 { get; init; } = string.Empty;
}

public sealed record StaffHistoryDto
{
    [JsonConverter(typeof(JsonStringEnumConverter<RequestStatus>))]
    public RequestStatus Status { get; init; }

    public string StatusText { get; init; } = string.Empty;
    public DateTimeOffset At { get; init; }
    public string ActorName { get; init; } = string.Empty;
    public string? Note { get; init; }
    public string? ReasonCode { get; init; }
    public string? ReasonText { get; init; }
    public string? Message { get; init; }
}

public sealed record StaffNoteDto
{
    public Guid Id { get; init; }
    public string AuthorName { get; init; } = string.Empty;
    public DateTimeOffset At { get; init; }
    public string Text { get; init; } = string.Empty;
}

public sealed record StaffPreservationDto
{
    public Guid Id { get; init; }
    public string RecordedByName { get; init; } = string.Empty;
    public DateTimeOffset At { get; init; }
    public string Note { get; init; } = string.Empty;
}

/// <summary>A copy handed over: the clips, the medium, who took it, and the recipient's signature (an image URL).</summary>
public sealed record StaffHandOverDto
{
    public Guid Id { get; init; }
    public DateTimeOffset At { get; init; }
    public string RecordedByName { get; init; } = string.Empty;
    public string Medium { get; init; } = string.Empty;
    public string ReceivedBy { get; init; } = string.Empty;
    public IReadOnlyList<HandOverClipDto> Clips { get; init; } = [];
    public string SignatureUrl { get; init; } = string.Empty;
}

public sealed record HandOverClipDto(string FileName, long SizeBytes, string Sha256);
