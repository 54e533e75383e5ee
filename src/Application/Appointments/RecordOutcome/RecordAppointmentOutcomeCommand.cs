using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Appointments;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Appointments.RecordOutcome;

/// <summary>Whether the applicant came to the visit (มาตามนัด / ไม่มาตามนัด).</summary>
public sealed record AppointmentOutcomeForm(bool? Attended)
{
    public RecordAppointmentOutcomeCommand ToCommand(Guid id) => new(id, Attended!.Value);
}

public sealed class AppointmentOutcomeFormValidator : FluentValidation.AbstractValidator<AppointmentOutcomeForm>
{
    public static readonly Domain.Common.Text Required = new("กรุณาระบุว่าผู้ยื่นคำร้องมาตามนัดหรือไม่", "Say whether the applicant came.");

    public AppointmentOutcomeFormValidator() => RuleFor(x => x.Attended).NotNull().Says(Required);
}

/// <summary>An officer records the outcome of a visit, from its day on; in the request's appointments and the audit log.</summary>
public sealed record RecordAppointmentOutcomeCommand(Guid AppointmentId, bool Attended) : ICommand<StaffAppointmentDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.RecordAppointmentOutcome;

    public string? AuditReference { get; set; }

    public string? AuditDetails => Attended ? nameof(AppointmentStatus.Attended) : nameof(AppointmentStatus.NoShow);
}

public sealed class RecordAppointmentOutcomeHandler(IAppDbContext db, ICurrentUser user, StaffAppointmentRows rows, TimeProvider clock)
    : ICommandHandler<RecordAppointmentOutcomeCommand, StaffAppointmentDto>
{
    public static readonly Domain.Common.Text NotFound = new("ไม่พบนัดหมายนี้", "No such appointment.");

    public async ValueTask<StaffAppointmentDto> Handle(RecordAppointmentOutcomeCommand command, CancellationToken cancellationToken)
    {
        var request = await db.FootageRequests.Include(r => r.Appointments)
                          .SingleOrDefaultAsync(r => r.Appointments.Any(a => a.Id == command.AppointmentId), cancellationToken)
                      ?? throw new NotFoundException(NotFound);
        command.AuditReference = request.ReferenceNumber.Value;
        request.RecordAppointmentOutcome(command.AppointmentId, command.Attended, user.Actor, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var day = await rows.WhereAsync(a => a.Id == command.AppointmentId, cancellationToken);
        return day.Single();
    }
}
