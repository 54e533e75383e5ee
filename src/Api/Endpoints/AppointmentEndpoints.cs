using CctvRequests.Api.Staff;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Appointments;
using CctvRequests.Application.Appointments.Book;
using CctvRequests.Application.Appointments.Cancel;
using CctvRequests.Application.Appointments.GetAppointment;
using CctvRequests.Application.Appointments.ListAppointments;
using CctvRequests.Application.Appointments.ListSlots;
using CctvRequests.Application.Appointments.Places;
using CctvRequests.Application.Appointments.RecordOutcome;
using CctvRequests.Application.Staff.Requests;
using Mediator;

namespace CctvRequests.Api.Endpoints;

/// <summary>
/// Viewing appointments (SPEC decision 17): the applicant, with the status token and the identity number again,
/// lists the free slots, books, moves and cancels; officers see the day's list per place, record attendance and book
/// on the applicant's behalf; administrators keep the places and the closed days.
/// </summary>
public static class AppointmentEndpoints
{
    public const string CalendarType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapAppointments(this IEndpointRouteBuilder app)
    {
        var citizen = app.MapGroup("/api/status/appointment").WithTags("Status")
            .AddEndpointFilter(async (invocation, next) =>
            {
                // Per client, as the online copy's check; per request inside the handler. Answers carry the visit: never cached.
                var context = invocation.HttpContext;
                await context.RequestServices.GetRequiredService<IThrottle>().ForClientAsync(ThrottlePolicy.AppointmentCheck, context.Connection.RemoteIpAddress, context.RequestAborted);
                context.Response.Headers.CacheControl = "no-store";
                return await next(invocation);
            })
            .ValidatesForms();

        citizen.MapPost("/", async (AppointmentIdentityForm body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(body.ToOverviewQuery(), ct)))
            .WithName("GetAppointment")
            .WithSummary("นัดหมายเข้าชมภาพ: the status link's token and the request's national ID (or passport pair) open the visit: whether one may be booked, until which day, the places, the booked visit")
            .Produces<AppointmentOverviewDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        citizen.MapPost("/slots", async (AppointmentIdentityForm body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(body.ToQuery(), ct)))
            .WithName("ListAppointmentSlots")
            .WithSummary("The free slots of every viewing place the request may book now: `[{placeId, startsAt, seatsLeft}]`, instants with their offset, earliest first")
            .WithDescription("Open hours in Asia/Bangkok, no closed day, from the place's latest change ahead of now to its days ahead, never after the last day the footage exists unless the office recorded its preservation. Empty when the request cannot book (not an approved viewing).")
            .Produces<IReadOnlyList<AppointmentSlotDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        citizen.MapPost("/book", async (BookAppointmentForm body, ISender sender, CancellationToken ct) =>
            {
                var booked = await sender.Send(body.ToCommand(change: false), ct);
                return TypedResults.Created("/api/status/appointment", booked);
            })
            .WithName("BookAppointment")
            .WithSummary("Book the visit at a slot `ListAppointmentSlots` gave: 201 with the visit, or 409 when the slot was taken meanwhile (`nextFreeTimes` names the next free ones) or the request already has one")
            .Produces<AppointmentDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        citizen.MapPost("/reschedule", async (BookAppointmentForm body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(body.ToCommand(change: true), ct)))
            .WithName("RescheduleAppointment")
            .WithSummary("Move the booked visit to another free slot, until its latest change (2 hours before by default)")
            .Produces<AppointmentDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        citizen.MapPost("/cancel", async (AppointmentIdentityForm body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(body.ToCommand(), ct)))
            .WithName("CancelAppointment")
            .WithSummary("Cancel the booked visit, until its latest change; the seat is free at once")
            .Produces<AppointmentDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        citizen.MapPost("/calendar", async (AppointmentIdentityForm body, ISender sender, CancellationToken ct) =>
                TypedResults.File(await sender.Send(body.ToCalendarQuery(), ct), CalendarType, "appointment.ics"))
            .WithName("GetAppointmentCalendar")
            .WithSummary("The booked visit as an iCalendar file (.ics), in Asia/Bangkok with its VTIMEZONE, in the caller's language")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var staff = app.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(StaffPolicies.Staff).AddEndpointFilter<CsrfFilter>().ValidatesForms();

        staff.MapGet("/appointments", async ([AsParameters] AppointmentListForm filter, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(filter.ToQuery(), ct)))
            .WithName("ListAppointments")
            .WithSummary("The visits from a day (`date` yyyy-MM-dd, Bangkok) for `days` days (1: the day, 7: the week), of one place (`placeId`) or all: time, reference, applicant, station, preservation, outcome")
            .Produces<IReadOnlyList<StaffAppointmentDto>>()
            .ProducesValidationProblem();

        staff.MapPost("/appointments/{id:guid}/outcome", async (Guid id, AppointmentOutcomeForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(body.ToCommand(id), ct)))
            .WithName("RecordAppointmentOutcome")
            .WithSummary("มาตามนัด / ไม่มาตามนัด: `{attended: true|false}`, from the day of the visit")
            .Produces<StaffAppointmentDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        staff.MapGet("/viewing-places", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListViewingPlacesQuery(), ct)))
            .WithName("ListViewingPlaces")
            .WithSummary("Every viewing place, with its texts in Thai and English, hours and booking rules")
            .Produces<IReadOnlyList<ViewingPlaceDto>>();

        staff.MapGet("/requests/{referenceNumber}/appointments", async (string referenceNumber, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetRequestAppointmentsQuery(StaffRequestLoader.Reference(referenceNumber)), ct)))
            .WithName("GetRequestAppointments")
            .WithSummary("The request's visits: whether one may be booked, the last viewing day, every booking and how it ended")
            .Produces<RequestAppointmentsDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        staff.MapGet("/requests/{referenceNumber}/appointment-slots", async (string referenceNumber, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAppointmentSlotsQuery(AppointmentParty.Staff(StaffRequestLoader.Reference(referenceNumber))), ct)))
            .WithName("ListAppointmentSlotsForRequest")
            .WithSummary("The free slots the request may book now, as the applicant would see them (to book on the telephone)")
            .Produces<IReadOnlyList<AppointmentSlotDto>>();

        staff.MapPost("/requests/{referenceNumber}/appointment", async (string referenceNumber, StaffBookAppointmentForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Created($"/api/staff/requests/{referenceNumber}/appointments", await sender.Send(body.ToCommand(StaffRequestLoader.Reference(referenceNumber), change: false), ct)))
            .WithName("BookAppointmentForApplicant")
            .WithSummary("An officer books the visit on the applicant's behalf (telephone), with the same rules; 409 names the next free times")
            .Produces<AppointmentDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        staff.MapPut("/requests/{referenceNumber}/appointment", async (string referenceNumber, StaffBookAppointmentForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(body.ToCommand(StaffRequestLoader.Reference(referenceNumber), change: true), ct)))
            .WithName("RescheduleAppointmentForApplicant")
            .WithSummary("An officer moves the booked visit, until its latest change")
            .Produces<AppointmentDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        staff.MapDelete("/requests/{referenceNumber}/appointment", async (string referenceNumber, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CancelAppointmentCommand(AppointmentParty.Staff(StaffRequestLoader.Reference(referenceNumber))), ct)))
            .WithName("CancelAppointmentForApplicant")
            .WithSummary("An officer cancels the booked visit, until its latest change")
            .Produces<AppointmentDto>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        var admin = app.MapGroup("/api/staff/admin").WithTags("Staff").RequireAuthorization(StaffPolicies.Admin).AddEndpointFilter<CsrfFilter>().ValidatesForms();
        admin.MapPost("/viewing-places", async (ViewingPlaceForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Created((string?)null, await sender.Send(new SaveViewingPlaceCommand(null, body.ToDetails()), ct)))
            .WithName("CreateViewingPlace").WithSummary("Add a viewing place (Admin)")
            .Produces<ViewingPlaceDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        admin.MapPut("/viewing-places/{id:int}", async (int id, ViewingPlaceForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SaveViewingPlaceCommand(id, body.ToDetails()), ct)))
            .WithName("UpdateViewingPlace").WithSummary("Change a viewing place: texts, weekly hours, slot length, seats, days ahead, latest change, open or not (Admin)")
            .Produces<ViewingPlaceDto>().ProducesValidationProblem();
        admin.MapGet("/closed-days", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListClosedDaysQuery(), ct)))
            .WithName("ListClosedDays").WithSummary("The days no slot is offered: yearly public holidays and announced dates (Admin)")
            .Produces<IReadOnlyList<ClosedDayDto>>();
        admin.MapPost("/closed-days", async (ClosedDayForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Created((string?)null, await sender.Send(body.ToCommand(), ct)))
            .WithName("AddClosedDay").WithSummary("Close a day (`yearly`: every year on that month and day) (Admin)")
            .Produces<ClosedDayDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        admin.MapDelete("/closed-days/{id:int}", async (int id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RemoveClosedDayCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveClosedDay").WithSummary("Open a closed day again (Admin)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
