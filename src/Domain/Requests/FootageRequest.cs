using CctvRequests.Domain.Appointments;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Stations;

namespace CctvRequests.Domain.Requests;

/// <summary>
/// A citizen's request to view or copy CCTV footage (คำร้องขอดูหรือขอสำเนาข้อมูลภาพ): the aggregate
/// root. Created whole by <see cref="Submit"/>; its status changes only through
/// <see cref="Receive"/>, <see cref="Approve"/> and <see cref="Cancel"/>, which consult
/// <see cref="RequestStatusTransitions"/> and throw on an illegal move. What may be done now is
/// asked of it (<see cref="CanReceive"/>, <see cref="CanApprove"/>, ...): the handlers and the
/// staff page's buttons read the same answers.
/// </summary>
public sealed class FootageRequest
{
    private readonly List<Attachment> _attachments = [];
    private readonly List<StatusChange> _history = [];
    private readonly List<RequestNote> _notes = [];
    private readonly List<FootagePreservation> _preservations = [];
    private readonly List<HandOver> _handOvers = [];
    private readonly List<DeliveredClip> _deliveredClips = [];
    private readonly List<Appointment> _appointments = [];

    private FootageRequest()
    {
        ReferenceNumber = null!;
        Applicant = null!;
        Reason = string.Empty;
        PrivacyConsent = null!;
        StatusTokenHash = [];
        Notifications = null!;
        OnlineCopy = null!;
    }

    public Guid Id { get; private set; }
    public ReferenceNumber ReferenceNumber { get; private set; }

    /// <summary>วันที่เขียน.</summary>
    public DateOnly WrittenOn { get; private set; }

    public Applicant Applicant { get; private set; }
    public Purpose Purpose { get; private set; }

    /// <summary>จำนวนไฟล์ที่ขอ; set only for <see cref="Purpose.Copy"/>.</summary>
    public int? FileCount { get; private set; }

    /// <summary>เหตุเกิดบริเวณ.</summary>
    public int StationId { get; private set; }

    public DateOnly IncidentDate { get; private set; }

    /// <summary>เวลา (โดยประมาณ).</summary>
    public TimeOnly IncidentTime { get; private set; }

    /// <summary>เหตุผล/ความจำเป็น.</summary>
    public string Reason { get; private set; }

    public PrivacyConsent PrivacyConsent { get; private set; }
    public RequestStatus Status { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>The day after which the station's cameras have overwritten the incident.</summary>
    public DateOnly FootageOverwrittenOn { get; private set; }

    /// <summary>SHA-256 of the status token in the citizen's QR code.</summary>
    public byte[] StatusTokenHash { get; private set; }

    /// <summary>Optimistic concurrency (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<Attachment> Attachments => _attachments;
    public IReadOnlyList<StatusChange> History => _history;

    /// <summary>Internal notes: staff only.</summary>
    public IReadOnlyList<RequestNote> Notes => _notes;

    public IReadOnlyList<FootagePreservation> Preservations => _preservations;

    /// <summary>Copies handed over (SPEC §8.12).</summary>
    public IReadOnlyList<HandOver> HandOvers => _handOvers;

    /// <summary>When the request was approved or cancelled; null while it is open.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>How the applicant made the signature image (drawn, or a typed name).</summary>
    public SignatureMethod SignatureMethod { get; private set; }

    /// <summary>Null once the request's personal data is erased.</summary>
    public Attachment? Signature => _attachments.SingleOrDefault(a => a.Kind == AttachmentKind.Signature);

    /// <summary>When the personal data was erased (retention or the person's request); null while it is kept.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>E-mail and SMS the citizen asked for (SPEC decision 15).</summary>
    public NotificationPreferences Notifications { get; private set; }

    /// <summary>The copy delivered online (SPEC decision 16): its publication, expiry and identity checks.</summary>
    public OnlineCopy OnlineCopy { get; private set; }

    /// <summary>The clips exported from the NVR for the online copy, uploaded by officers.</summary>
    public IReadOnlyList<DeliveredClip> DeliveredClips => _deliveredClips;

    /// <summary>Visits to view the footage (SPEC decision 17), every booking with how it ended: the request's appointment history.</summary>
    public IReadOnlyList<Appointment> Appointments => _appointments;

    /// <summary>The booking that holds a seat and has not happened yet, if any (at most one: a database index says so too).</summary>
    public Appointment? CurrentAppointment => _appointments.SingleOrDefault(a => a.Status == AppointmentStatus.Booked);

    /// <summary>The last day the footage can be viewed: the day before the cameras overwrite it, or none once it is preserved.</summary>
    public DateOnly? LastViewingDay => IsPreserved ? null : FootageOverwrittenOn.AddDays(-1);

    public static FootageRequest Submit(
        ReferenceNumber referenceNumber,
        DateOnly writtenOn,
        Applicant applicant,
        Purpose purpose,
        int? fileCount,
        Station station,
        DateOnly incidentDate,
        TimeOnly incidentTime,
        string reason,
        IEnumerable<Attachment> attachments,
        SignatureMethod signatureMethod,
        PrivacyConsent privacyConsent,
        byte[] statusTokenHash,
        DateTimeOffset submittedAt,
        bool policeReportRequired,
        NotificationPreferences? notifications = null)
    {
        var today = BangkokTime.DateOf(submittedAt);
        if (writtenOn > today)
        {
            throw new DomainException("written_on.future", RequestTexts.WrittenOnFuture);
        }
        if (incidentDate > writtenOn)
        {
            throw new DomainException("incident_date.after_written", RequestTexts.IncidentAfterWritten);
        }
        if (purpose == Purpose.Copy && fileCount is not (>= RequestLimits.FileCountMin and <= RequestLimits.FileCountMax))
        {
            throw new DomainException("file_count.range", RequestTexts.FileCountRange);
        }
        if (!station.IsActive)
        {
            throw new DomainException("station.inactive", RequestTexts.StationInactive);
        }
        notifications ??= NotificationPreferences.None;
        if (notifications.BySms && !applicant.Phone.IsMobile)
        {
            throw new DomainException("notify_by_sms.not_mobile", RequestTexts.SmsNeedsMobile);
        }
        if (statusTokenHash.Length != 32)
        {
            throw new DomainException("token.hash", new Text("คำร้องต้องมีรหัสติดตามสถานะ", "A request needs the SHA-256 of its status token."));
        }

        var files = attachments.ToList();
        RequireCount(files, AttachmentKind.IdCardCopy, 1, 1);
        RequireCount(files, AttachmentKind.Signature, 1, 1);
        RequireCount(files, AttachmentKind.PoliceReport, policeReportRequired ? 1 : 0, 1);
        RequireCount(files, AttachmentKind.Other, 0, RequestLimits.OtherDocumentsMax);

        var request = new FootageRequest
        {
            Id = Guid.CreateVersion7(submittedAt),
            ReferenceNumber = referenceNumber,
            WrittenOn = writtenOn,
            Applicant = applicant,
            Purpose = purpose,
            FileCount = purpose == Purpose.Copy ? fileCount : null,
            StationId = station.Id,
            IncidentDate = incidentDate,
            IncidentTime = new TimeOnly(incidentTime.Hour, incidentTime.Minute),
            Reason = Guard.Text(reason, nameof(reason), RequestLimits.ReasonMin, RequestLimits.ReasonMax),
            SignatureMethod = Enum.IsDefined(signatureMethod)
                ? signatureMethod
                : throw new DomainException("signature_method", new Text("ไม่รู้จักวิธีลงชื่อนี้", "Unknown signature method.")),
            PrivacyConsent = privacyConsent,
            Status = RequestStatus.Pending,
            SubmittedAt = submittedAt.ToUniversalTime(),
            FootageOverwrittenOn = station.FootageOverwrittenOn(incidentDate),
            StatusTokenHash = statusTokenHash,
            Notifications = notifications,
            OnlineCopy = OnlineCopy.None,
        };
        request._attachments.AddRange(files);
        request._history.Add(StatusChange.Create(null, RequestStatus.Pending, Actor.Citizen, submittedAt, null));
        return request;
    }

    /// <summary>The one rule of who approves: an Approver or an Admin (SPEC §8.14).</summary>
    public static bool IsApprover(StaffRole role) => role is StaffRole.Approver or StaffRole.Admin;

    /// <summary>Whether an officer may take it up now (Pending).</summary>
    public bool CanReceive() => RequestStatusTransitions.IsAllowed(Status, RequestStatus.Received);

    /// <summary>Whether someone of <paramref name="role"/> may approve it now (Received, and an approver).</summary>
    public bool CanApprove(StaffRole role) => IsApprover(role) && RequestStatusTransitions.IsAllowed(Status, RequestStatus.Approved);

    /// <summary>Whether it may be cancelled now (still open).</summary>
    public bool CanCancel() => RequestStatusTransitions.IsAllowed(Status, RequestStatus.Cancelled);

    /// <summary>Whether a preservation record makes sense: not for a cancelled request, which has no footage to keep.</summary>
    public bool CanPreserve() => Status != RequestStatus.Cancelled;

    /// <summary>Whether a copy may leave the office: only for an approved request for a copy.</summary>
    public bool CanHandOver() => Status == RequestStatus.Approved && Purpose == Purpose.Copy;

    /// <summary>Whether clips may be uploaded and published now: an approved copy, not erased, its online copy not yet published or ended.</summary>
    public bool CanDeliverOnline() => CanHandOver() && ErasedAt is null && !OnlineCopy.IsPublished && !OnlineCopy.IsEnded;

    /// <summary>Whether the applicant may download now (published, not ended or past its last day, not locked).</summary>
    public bool CanDownloadClips(DateTimeOffset at) =>
        OnlineCopy is { IsPublished: true, IsEnded: false, LockedAt: null } && BangkokTime.DateOf(at) <= OnlineCopy.ExpiresOn;

    /// <summary>A clip the officer uploaded for the online copy (before it is published).</summary>
    public DeliveredClip AddDeliveredClip(Actor by, DateTimeOffset at, string storageKey, string fileName, string contentType, long sizeBytes, string sha256, int maxClips)
    {
        if (!CanDeliverOnline())
        {
            throw new DomainException("online_copy.not_open", RequestTexts.OnlineCopyNotOpen);
        }
        if (_deliveredClips.Count(c => c.StorageKey is not null) >= maxClips)
        {
            throw new DomainException("online_copy.too_many", new Text($"อัปโหลดไฟล์ภาพได้ไม่เกิน {maxClips} ไฟล์ต่อคำร้อง", $"At most {maxClips} clips per request."));
        }
        var clip = DeliveredClip.Create(by, at, storageKey, fileName, contentType, sizeBytes, sha256);
        _deliveredClips.Add(clip);
        return clip;
    }

    /// <summary>A clip uploaded by mistake, removed before publishing; answers the key to delete.</summary>
    public string RemoveDeliveredClip(Guid clipId)
    {
        if (!CanDeliverOnline())
        {
            throw new DomainException("online_copy.published", RequestTexts.OnlineCopyNotOpen);
        }
        var clip = _deliveredClips.SingleOrDefault(c => c.Id == clipId && c.StorageKey is not null)
                   ?? throw new DomainException("online_copy.no_clip", new Text("ไม่พบไฟล์ภาพนี้", "No such clip."));
        _deliveredClips.Remove(clip);
        return clip.Forget()!;
    }

    /// <summary>
    /// The clips become downloadable until <paramref name="expiresOn"/> (a Bangkok day after today, at most
    /// <paramref name="maxDays"/> ahead); the hand-over record is made (medium: downloaded online).
    /// </summary>
    public HandOver PublishClips(Actor by, DateTimeOffset at, DateOnly expiresOn, int maxDays)
    {
        if (!CanDeliverOnline())
        {
            throw new DomainException("online_copy.not_open", RequestTexts.OnlineCopyNotOpen);
        }
        var live = _deliveredClips.Where(c => c.StorageKey is not null).ToList();
        if (live.Count == 0)
        {
            throw new DomainException("online_copy.no_clips", new Text("กรุณาอัปโหลดไฟล์ภาพอย่างน้อย 1 ไฟล์ก่อนส่งให้ผู้ยื่นคำร้อง", "Upload at least one clip before sending."));
        }
        var today = BangkokTime.DateOf(at);
        if (expiresOn <= today || expiresOn > today.AddDays(maxDays))
        {
            throw new DomainException("online_copy.expiry", new Text(
                $"วันหมดอายุต้องอยู่หลังวันนี้ และไม่เกิน {maxDays} วัน", $"The expiry day must be after today and at most {maxDays} days ahead."));
        }
        OnlineCopy.Publish(by, at, expiresOn);
        var handOver = HandOver.CreateOnline(by, at, live.Select(c => HandOverClip.Create(c.FileName, c.SizeBytes, c.Sha256)).ToList());
        _handOvers.Add(handOver);
        return handOver;
    }

    /// <summary>A wrong identity number typed to open the downloads; answers whether they are now locked.</summary>
    public bool CountWrongClipCheck(DateTimeOffset at) => OnlineCopy.CountWrong(at);

    /// <summary>An officer opens the downloads again after the daily limit of wrong numbers locked them.</summary>
    public void ReopenClipDownloads()
    {
        if (!OnlineCopy.IsPublished || OnlineCopy.IsEnded)
        {
            throw new DomainException("online_copy.not_published", RequestTexts.OnlineCopyNotOpen);
        }
        OnlineCopy.Reopen();
    }

    /// <summary>One download, for the hand-over record.</summary>
    public void RecordClipDownload(Guid clipId, DateTimeOffset at, long bytesSent, long? rangeStart, string client)
    {
        var clip = _deliveredClips.SingleOrDefault(c => c.Id == clipId) ?? throw new DomainException("online_copy.no_clip", new Text("ไม่พบไฟล์ภาพนี้", "No such clip."));
        var handOver = _handOvers.LastOrDefault(h => h.IsOnline) ?? throw new DomainException("online_copy.not_published", RequestTexts.OnlineCopyNotOpen);
        handOver.AddDownload(HandOverDownload.Create(clip, at, bytesSent, rangeStart, client));
    }

    /// <summary>The online copy ends (its last day passed, an officer withdrew it, the data was erased): answers the keys of the clips to delete.</summary>
    public IReadOnlyList<string> EndOnlineCopy(DateTimeOffset at, OnlineCopyEnd why)
    {
        if (_deliveredClips.Count == 0 && !OnlineCopy.IsPublished)
        {
            return [];
        }
        OnlineCopy.End(at, why);
        return _deliveredClips.Select(c => c.Forget()).OfType<string>().ToList();
    }

    /// <summary>Whether a visit to view the footage may be booked: an approved request to view, its data not erased.</summary>
    public bool CanBookAppointment() => Status == RequestStatus.Approved && Purpose == Purpose.View && ErasedAt is null;

    /// <summary>
    /// A visit at <paramref name="startsAt"/>, which must be one of the slots <paramref name="calendar"/> offers now
    /// (never after <see cref="LastViewingDay"/>); by the applicant, or an officer on their behalf. The seat is the
    /// database's to give (<see cref="Appointment.TakeSeat"/>).
    /// </summary>
    public Appointment BookAppointment(ViewingPlace place, AppointmentCalendar calendar, DateTimeOffset startsAt, Actor by, DateTimeOffset now)
    {
        if (!CanBookAppointment())
        {
            throw new DomainException("appointment.not_allowed", AppointmentTexts.NotAllowed);
        }
        if (CurrentAppointment is not null)
        {
            throw new DomainException("appointment.already_booked", AppointmentTexts.AlreadyBooked);
        }
        calendar.EnsureOffered(place, startsAt, now, LastViewingDay);
        var appointment = Appointment.Create(place, startsAt, by, now);
        _appointments.Add(appointment);
        return appointment;
    }

    /// <summary>The current visit moves to another slot, until its latest change: it is closed as moved and a new one booked.</summary>
    public Appointment RescheduleAppointment(ViewingPlace place, AppointmentCalendar calendar, DateTimeOffset startsAt, Actor by, DateTimeOffset now)
    {
        var current = CurrentAppointment ?? throw new DomainException("appointment.none", AppointmentTexts.NoAppointment);
        current.EnsureChangeable(now);
        if (current.PlaceId == place.Id && current.StartsAt == startsAt.ToUniversalTime())
        {
            throw new DomainException("appointment.same_time", AppointmentTexts.SameTime);
        }
        if (!CanBookAppointment())
        {
            throw new DomainException("appointment.not_allowed", AppointmentTexts.NotAllowed);
        }
        calendar.EnsureOffered(place, startsAt, now, LastViewingDay);
        current.Close(AppointmentStatus.Moved, by, now);
        var appointment = Appointment.Create(place, startsAt, by, now);
        _appointments.Add(appointment);
        return appointment;
    }

    /// <summary>The current visit is called off, until its latest change; its seat is free again.</summary>
    public Appointment CancelAppointment(Actor by, DateTimeOffset now)
    {
        var current = CurrentAppointment ?? throw new DomainException("appointment.none", AppointmentTexts.NoAppointment);
        current.EnsureChangeable(now);
        current.Close(AppointmentStatus.Cancelled, by, now);
        return current;
    }

    /// <summary>An officer records whether the applicant came, from the day of the visit.</summary>
    public Appointment RecordAppointmentOutcome(Guid appointmentId, bool attended, Actor by, DateTimeOffset now)
    {
        var appointment = _appointments.SingleOrDefault(a => a.Id == appointmentId)
                          ?? throw new DomainException("appointment.none", AppointmentTexts.NoAppointment);
        if (appointment.Status != AppointmentStatus.Booked)
        {
            throw new DomainException("appointment.closed", AppointmentTexts.NotBooked);
        }
        if (!appointment.CanRecordOutcome(now))
        {
            throw new DomainException("appointment.not_yet", AppointmentTexts.NotYet);
        }
        appointment.Close(attended ? AppointmentStatus.Attended : AppointmentStatus.NoShow, by, now);
        return appointment;
    }

    /// <summary>Pending → Received: an officer takes the request to the approval chain.</summary>
    public void Receive(Actor actor, DateTimeOffset at, string? note = null) =>
        MoveTo(RequestStatus.Received, actor, at, note, null, null);

    /// <summary>Received → Approved, by an approver (<see cref="IsApprover"/>).</summary>
    public void Approve(Actor actor, StaffRole role, DateTimeOffset at, string? note = null)
    {
        if (!IsApprover(role))
        {
            throw new RoleNotPermittedException(role, new Text("เฉพาะผู้อนุมัติหรือผู้ดูแลระบบเท่านั้นที่อนุมัติคำร้องได้", "Only an approver or an administrator approves a request."));
        }
        MoveTo(RequestStatus.Approved, actor, at, note, null, null);
    }

    /// <summary>Pending or Received → Cancelled, with a reason code and the text the citizen will see.</summary>
    public void Cancel(Actor actor, DateTimeOffset at, string reasonCode, string publicMessage, string? note = null)
    {
        if (!CancellationReason.IsWellFormedCode(reasonCode))
        {
            throw new DomainException("reason.code", new Text("ไม่รู้จักเหตุผลที่ยกเลิกนี้", "Unknown cancellation reason."));
        }
        var message = Guard.Text(publicMessage, nameof(publicMessage), 1, RequestLimits.PublicMessageMax);
        MoveTo(RequestStatus.Cancelled, actor, at, note, reasonCode, message);
    }

    /// <summary>An approved copy leaves the office: only for an approved request for a copy.</summary>
    public HandOver RecordHandOver(Actor by, DateTimeOffset at, string medium, string receivedBy, IReadOnlyCollection<HandOverClip> clips, byte[] signaturePng)
    {
        if (!CanHandOver())
        {
            throw new DomainException("handover.not_approved_copy", new Text(
                "ส่งมอบสำเนาได้เฉพาะคำร้องขอสำเนาที่อนุมัติแล้ว", "A copy is handed over only for an approved request for a copy."));
        }
        var handOver = HandOver.Create(by, at, medium, receivedBy, clips, signaturePng);
        _handOvers.Add(handOver);
        return handOver;
    }

    /// <summary>The citizen's "stop these messages" (one-click unsubscribe): nothing more is sent about this request.</summary>
    public void StopNotifications(DateTimeOffset at) => Notifications.Stop(at);

    /// <summary>An internal note, whatever the status.</summary>
    public RequestNote AddNote(Actor author, DateTimeOffset at, string text)
    {
        var note = RequestNote.Create(author, at, text);
        _notes.Add(note);
        return note;
    }

    /// <summary>The footage was exported or locked at the station (SPEC §8.11). Not for a cancelled request: nothing is to be kept.</summary>
    public FootagePreservation RecordPreservation(Actor by, DateTimeOffset at, string note)
    {
        if (!CanPreserve())
        {
            throw new DomainException("preservation.cancelled", new Text(
                "คำร้องนี้ถูกยกเลิกแล้ว ไม่ต้องบันทึกการเก็บรักษาภาพ", "This request is cancelled; there is no footage to preserve."));
        }
        var record = FootagePreservation.Create(by, at, note);
        _preservations.Add(record);
        return record;
    }

    public bool IsPreserved => _preservations.Count > 0;

    /// <summary>
    /// PDPA s.33 and the retention promise: everything that identifies the person goes (names,
    /// document, address, phone, age, ethnicity, the reason they gave, every file, note texts,
    /// messages, hand-over recipients and signatures). What statistics need stays: station,
    /// purpose, dates, status and reason codes. An open request is cancelled with the reason
    /// <see cref="CancellationReason.Erased"/>. Returns the storage keys of the files to delete
    /// once this is saved. Erasing twice does nothing.
    /// </summary>
    public IReadOnlyList<string> ErasePersonalData(Actor by, DateTimeOffset at)
    {
        if (ErasedAt is not null)
        {
            return [];
        }
        foreach (var change in _history)
        {
            change.ErasePersonalData();
        }
        foreach (var note in _notes)
        {
            note.ErasePersonalData();
        }
        foreach (var record in _preservations)
        {
            record.ErasePersonalData();
        }
        foreach (var handOver in _handOvers)
        {
            handOver.ErasePersonalData();
        }
        if (!RequestStatusTransitions.IsFinal(Status))
        {
            MoveTo(RequestStatus.Cancelled, by, at, null, CancellationReason.Erased, RequestTexts.ErasedMessage.Th);
        }
        var keys = _attachments.Select(a => a.StorageKey).Concat(EndOnlineCopy(at, OnlineCopyEnd.Erased)).ToList();
        _attachments.Clear();
        // When and where the person was to come goes too, and with it any seat still held.
        _appointments.Clear();
        Applicant = Applicant.Erased(Applicant.Identity.Kind);
        Reason = string.Empty;
        Notifications.Erase();
        ErasedAt = at.ToUniversalTime();
        return keys;
    }

    /// <summary>PDPA s.35: one field of the applicant corrected, the correction noted in the request's history (not the old value).</summary>
    public RequestNote CorrectApplicant(Actor by, DateTimeOffset at, ApplicantField field, string value, string noteText)
    {
        if (ErasedAt is not null)
        {
            throw new DomainException("request.erased", RequestTexts.AlreadyErased);
        }
        Applicant.Correct(field, value);
        return AddNote(by, at, noteText);
    }

    private void MoveTo(RequestStatus to, Actor actor, DateTimeOffset at, string? note, string? reasonCode, string? publicMessage)
    {
        if (!RequestStatusTransitions.IsAllowed(Status, to))
        {
            throw new IllegalStatusChangeException(Status, to);
        }
        var why = string.IsNullOrWhiteSpace(note) ? null : Guard.Text(note, nameof(note), 1, RequestLimits.NoteMax);
        _history.Add(StatusChange.Create(Status, to, actor, at, why, reasonCode, publicMessage));
        Status = to;
        if (to == RequestStatus.Cancelled)
        {
            CurrentAppointment?.Close(AppointmentStatus.Cancelled, actor, at);
        }
        if (RequestStatusTransitions.IsFinal(to))
        {
            DecidedAt = at.ToUniversalTime();
        }
    }

    private static void RequireCount(List<Attachment> files, AttachmentKind kind, int min, int max)
    {
        var count = files.Count(f => f.Kind == kind);
        if (count < min || count > max)
        {
            var name = AttachmentKindText.Of(kind);
            throw new DomainException($"attachments.{kind}", new Text(
                $"ต้องแนบ{name.Th} {min} ถึง {max} ไฟล์ (มี {count} ไฟล์)",
                $"The request needs {min} to {max} {name.En} file(s); it has {count}."));
        }
    }
}

public sealed class IllegalStatusChangeException(RequestStatus from, RequestStatus to) : DomainException(
    "status.illegal_change",
    new Text(
        $"ไม่สามารถเปลี่ยนสถานะจาก \"{RequestStatusText.Of(from).Th}\" เป็น \"{RequestStatusText.Of(to).Th}\" ได้",
        $"A request cannot move from \"{RequestStatusText.Of(from).En}\" to \"{RequestStatusText.Of(to).En}\"."))
{
    public RequestStatus From { get; } = from;
    public RequestStatus To { get; } = to;
}
