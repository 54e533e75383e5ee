using System.Globalization;
using System.Text.RegularExpressions;
using CctvRequests.Application.Appointments.Book;
using CctvRequests.Application.Appointments.Cancel;
using CctvRequests.Application.Appointments.ListSlots;
using CctvRequests.Application.Common;
using CctvRequests.Application.PersonalData;
using CctvRequests.Application.Requests.GetStatusByToken;
using CctvRequests.Domain.Requests;
using FluentValidation;

namespace CctvRequests.Application.Appointments;

/// <summary>The status link's token and the request's identity number typed again: what every call of the applicant's carries.</summary>
/// <param name="Token">The <c>t</c> value of the status link.</param>
/// <param name="NationalId">The national ID the request was filed with.</param>
/// <param name="PassportNumber">Or the passport number, with its country.</param>
/// <param name="PassportCountry">ISO 3166-1 alpha-3.</param>
public sealed record AppointmentIdentityForm(string? Token, string? NationalId, string? PassportNumber = null, string? PassportCountry = null) : ISubjectDocument
{
    public AppointmentParty Party() => AppointmentParty.Applicant(Token!, this.Document());

    public ListAppointmentSlotsQuery ToQuery() => new(Party());

    public GetAppointment.GetAppointmentQuery ToOverviewQuery() => new(Party());

    public GetAppointment.GetAppointmentCalendarQuery ToCalendarQuery() => new(Party());

    public CancelAppointmentCommand ToCommand() => new(Party());

    public override string ToString() => nameof(AppointmentIdentityForm);
}

public sealed class AppointmentIdentityFormValidator : AbstractValidator<AppointmentIdentityForm>
{
    public AppointmentIdentityFormValidator()
    {
        RuleFor(x => x.Token).Must(StatusToken.IsWellFormed).Says(StatusTokenLookup.NotFound).OverridePropertyName("token");
        this.DocumentRules();
    }
}

/// <summary>The applicant books (or moves the visit to) a slot: the token and identity number, the place and the slot's start.</summary>
/// <param name="Token">The <c>t</c> value of the status link.</param>
/// <param name="NationalId">The national ID the request was filed with.</param>
/// <param name="PassportNumber">Or the passport number, with its country.</param>
/// <param name="PassportCountry">ISO 3166-1 alpha-3.</param>
/// <param name="PlaceId">The viewing place (from <c>GET /api/form-settings</c>, <c>viewingPlaces</c>).</param>
/// <param name="StartsAt">The slot's start as <c>ListAppointmentSlots</c> answered it (ISO-8601 with its offset).</param>
public sealed record BookAppointmentForm(
    string? Token, string? NationalId, string? PassportNumber = null, string? PassportCountry = null, int? PlaceId = null, string? StartsAt = null) : ISubjectDocument
{
    public BookAppointmentCommand ToCommand(bool change) =>
        new(AppointmentParty.Applicant(Token!, this.Document()), PlaceId!.Value, SlotStart.Parse(StartsAt), change);

    public override string ToString() => nameof(BookAppointmentForm);
}

public sealed class BookAppointmentFormValidator : AbstractValidator<BookAppointmentForm>
{
    public BookAppointmentFormValidator()
    {
        RuleFor(x => x.Token).Must(StatusToken.IsWellFormed).Says(StatusTokenLookup.NotFound).OverridePropertyName("token");
        this.DocumentRules();
        this.SlotRules(x => x.PlaceId, x => x.StartsAt);
    }
}

/// <summary>An officer books (or moves) the applicant's visit, on the telephone: the place and the slot's start.</summary>
public sealed record StaffBookAppointmentForm(int? PlaceId, string? StartsAt)
{
    public BookAppointmentCommand ToCommand(ReferenceNumber reference, bool change) =>
        new(AppointmentParty.Staff(reference), PlaceId!.Value, SlotStart.Parse(StartsAt), change);
}

public sealed class StaffBookAppointmentFormValidator : AbstractValidator<StaffBookAppointmentForm>
{
    public StaffBookAppointmentFormValidator() => this.SlotRules(x => x.PlaceId, x => x.StartsAt);
}

/// <summary>A slot's start as the API speaks it: ISO-8601 with an explicit offset (or Z), so it is an instant and never a server's local time.</summary>
public static partial class SlotStart
{
    public static readonly Domain.Common.Text Required = new("กรุณาเลือกเวลานัด", "Choose a time.");
    public static readonly Domain.Common.Text Invalid = new(
        "เวลานัดต้องเป็นวันเวลาแบบ ISO-8601 พร้อมเขตเวลา เช่น 2026-02-16T09:00:00+07:00", "The time must be ISO-8601 with its offset, e.g. 2026-02-16T09:00:00+07:00.");
    public static readonly Domain.Common.Text PlaceRequired = new("กรุณาเลือกสถานที่เข้าชมภาพ", "Choose a viewing place.");

    public static bool TryParse(string? value, out DateTimeOffset start)
    {
        start = default;
        return value is { Length: <= 40 } && Offset().IsMatch(value.Trim())
               && DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out start);
    }

    public static DateTimeOffset Parse(string? value) => TryParse(value, out var start) ? start : throw new InvalidOperationException("Not validated.");

    public static void SlotRules<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, int?>> place, System.Linq.Expressions.Expression<Func<T, string?>> startsAt)
    {
        validator.RuleFor(place).NotNull().Says(PlaceRequired).GreaterThan(0).Says(PlaceRequired).OverridePropertyName("placeId");
        validator.RuleFor(startsAt).Must(v => !string.IsNullOrWhiteSpace(v)).Says(Required).Must(v => TryParse(v, out _)).Says(Invalid).OverridePropertyName("startsAt");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Offset();
}
