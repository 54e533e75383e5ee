using CctvRequests.Application.Staff.GetRequest;
using CctvRequests.Application.Staff.ListRequests;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mapster;

namespace CctvRequests.Application.Staff;

/// <summary>
/// Entity → DTO maps for the staff screens, used as SQL projections (<c>ProjectToType</c>). What
/// depends on the caller (texts in their language, the days left today, what they may do) is
/// filled after the query, so these maps stay translatable.
/// </summary>
public static class StaffMappings
{
    public static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig();
        config.NewConfig<FootageRequest, QueueRowDto>()
            .Map(d => d.ReferenceNumber, s => s.ReferenceNumber.Value)
            .Map(d => d.ApplicantName, s => s.Applicant.Title + s.Applicant.FirstName + " " + s.Applicant.LastName)
            .Map(d => d.Preserved, s => s.Preservations.Any())
            .Ignore(d => d.StatusText, d => d.StationName, d => d.PurposeText, d => d.DaysLeft, d => d.Flag);

        config.NewConfig<FootageRequest, StaffRequestDto>()
            .Map(d => d.ReferenceNumber, s => s.ReferenceNumber.Value)
            .Map(d => d.IncidentTime, s => s.IncidentTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))
            .Map(d => d.History, s => s.History.OrderBy(h => h.At))
            .Map(d => d.Notes, s => s.Notes.OrderBy(n => n.At))
            .Map(d => d.Preservations, s => s.Preservations.OrderBy(p => p.At))
            .Map(d => d.HandOvers, s => s.HandOvers.OrderBy(h => h.At))
            .Ignore(d => d.StatusText, d => d.PurposeText, d => d.StationName, d => d.DaysLeft, d => d.Flag, d => d.AllowedActions, d => d.SignatureMethodText);

        config.NewConfig<Applicant, StaffApplicantDto>()
            .Map(d => d.FullName, s => s.Title + s.FirstName + " " + s.LastName)
            .Map(d => d.IdentityKind, s => s.Identity.Kind.ToString())
            .Map(d => d.NationalId, s => s.Identity.Kind == IdentityDocumentKind.NationalId ? s.Identity.Formatted : null)
            .Map(d => d.PassportNumber, s => s.Identity.Kind == IdentityDocumentKind.Passport ? s.Identity.Number : null)
            .Map(d => d.PassportCountry, s => s.Identity.Country)
            .Map(d => d.Phone, s => s.Phone.National);

        config.NewConfig<Attachment, StaffAttachmentDto>()
            .Ignore(d => d.KindText);

        config.NewConfig<StatusChange, StaffHistoryDto>()
            .Map(d => d.Status, s => s.To)
            .Map(d => d.Message, s => s.PublicMessage)
            .Ignore(d => d.StatusText, d => d.ReasonText);

        config.NewConfig<PrivacyConsent, StaffConsentDto>();
        config.NewConfig<RequestNote, StaffNoteDto>();
        config.NewConfig<FootagePreservation, StaffPreservationDto>();
        // The signature's bytes stay in the database: the page loads them by URL.
        config.NewConfig<Domain.Requests.HandOver, StaffHandOverDto>().Ignore(d => d.SignatureUrl);
        config.NewConfig<HandOverClip, HandOverClipDto>();
        return config;
    }
}
