using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Staff.ListAllStations;
using CctvRequests.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Administration.UpdateStation;

public sealed record UpdateStationCommand(int Id, StationSettings Station) : ICommand<StaffStationDto>, IAuditedMessage, IChangesReferenceData
{
    public AuditAction? AuditAction => Audit.AuditAction.UpdateStation;

    public string? AuditReference => null;

    public string? AuditDetails => $"station {Id}";
}

public sealed class UpdateStationHandler(IAppDbContext db) : ICommandHandler<UpdateStationCommand, StaffStationDto>
{
    public static readonly Text NotFound = new("ไม่พบสถานที่นี้", "No such location.");

    public async ValueTask<StaffStationDto> Handle(UpdateStationCommand command, CancellationToken cancellationToken)
    {
        var station = await db.Stations.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken) ?? throw new NotFoundException(NotFound);
        var s = command.Station;
        station.Update(s.Name, s.NameEn, s.District, s.FootageRetentionDays, s.IsActive, s.SortOrder);
        await db.SaveChangesAsync(cancellationToken);
        return new StaffStationDto(station.Id, station.Name, station.NameEn, station.District, station.FootageRetentionDays, station.IsActive);
    }
}
