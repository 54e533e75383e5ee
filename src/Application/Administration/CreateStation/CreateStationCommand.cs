using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Staff.ListAllStations;
using CctvRequests.Domain.Stations;
using Mediator;

namespace CctvRequests.Application.Administration.CreateStation;

public sealed record CreateStationCommand(StationSettings Station) : ICommand<StaffStationDto>, IAuditedMessage, IChangesReferenceData
{
    public AuditAction? AuditAction => Audit.AuditAction.CreateStation;

    public string? AuditReference => null;

    public string? AuditDetails => Station.NameEn;
}

public sealed class CreateStationHandler(IAppDbContext db) : ICommandHandler<CreateStationCommand, StaffStationDto>
{
    public async ValueTask<StaffStationDto> Handle(CreateStationCommand command, CancellationToken cancellationToken)
    {
        var s = command.Station;
        var station = Station.Create(0, s.Name, s.NameEn, s.District, s.FootageRetentionDays, s.IsActive, s.SortOrder);
        db.Stations.Add(station);
        await db.SaveChangesAsync(cancellationToken);
        return new StaffStationDto(station.Id, station.Name, station.NameEn, station.District, station.FootageRetentionDays, station.IsActive);
    }
}
