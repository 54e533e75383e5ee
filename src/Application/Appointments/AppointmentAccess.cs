using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.PersonalData;
using CctvRequests.Application.Requests.GetStatusByToken;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Appointments;

/// <summary>
/// Whose request an appointment call is about: the applicant's, named by the status link's token and proven by the
/// identity number typed again (as for the online copy: a photo of the QR code books nothing), or, for an officer
/// booking on the applicant's behalf, the reference number.
/// </summary>
public sealed record AppointmentParty
{
    private AppointmentParty()
    {
    }

    public string? Token { get; private init; }

    public IdentityDocument? Document { get; private init; }

    public ReferenceNumber? Reference { get; private init; }

    public bool IsStaff => Reference is not null;

    public static AppointmentParty Applicant(string token, IdentityDocument document) => new() { Token = token, Document = document };

    public static AppointmentParty Staff(ReferenceNumber reference) => new() { Reference = reference };

    public override string ToString() => IsStaff ? $"staff:{Reference!.Value}" : "applicant";
}

public static class AppointmentAccess
{
    public static readonly Text WrongNumber = new(
        "เลขที่กรอกไม่ตรงกับเลขที่ใช้ยื่นคำร้องนี้ กรุณาตรวจสอบแล้วลองใหม่", "This number is not the one the request was filed with; please check it and try again.");

    /// <summary>
    /// The request, tracked, with its visits and preservation records (the last viewing day depends on them). The
    /// applicant's calls count against the per-request limit before the number is checked; a wrong number is a 400
    /// naming its field.
    /// </summary>
    public static async Task<FootageRequest> LoadAsync(
        IAppDbContext db, IIdentityIndex index, IThrottle throttle, AppointmentParty party, CancellationToken cancellationToken)
    {
        var requests = db.FootageRequests.Include(r => r.Appointments).Include(r => r.Preservations).AsSplitQuery();
        if (party.Reference is { } reference)
        {
            return await requests.SingleOrDefaultAsync(r => r.ReferenceNumber == reference, cancellationToken)
                   ?? throw new NotFoundException(StaffRequestLoader.NotFound);
        }
        var hash = StatusTokenLookup.HashOf(party.Token);
        var request = await requests.SingleOrDefaultAsync(r => r.StatusTokenHash == hash, cancellationToken)
                      ?? throw new NotFoundException(StatusTokenLookup.NotFound);
        await throttle.ForKeyAsync(ThrottlePolicy.AppointmentCheck, "appointments:" + request.Id.ToString("N"), cancellationToken);
        if (!await db.FootageRequests.OfPerson(index, party.Document!).AnyAsync(r => r.Id == request.Id, cancellationToken))
        {
            throw ValidationMessages.Invalid(party.Document!.Kind == IdentityDocumentKind.NationalId ? "nationalId" : "passportNumber", WrongNumber);
        }
        return request;
    }

    /// <summary>Who acts: the applicant, or the signed-in officer on their behalf.</summary>
    public static Actor ActorOf(AppointmentParty party, ICurrentUser user) => party.IsStaff ? user.Actor : Actor.Citizen;
}
