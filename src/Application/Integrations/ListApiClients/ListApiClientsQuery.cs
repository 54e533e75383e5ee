using CctvRequests.Application.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Integrations.ListApiClients;

public sealed record ListApiClientsQuery : IQuery<IReadOnlyList<ApiClientDto>>;

public sealed class ListApiClientsHandler(IAppDbContext db) : IQueryHandler<ListApiClientsQuery, IReadOnlyList<ApiClientDto>>
{
    public async ValueTask<IReadOnlyList<ApiClientDto>> Handle(ListApiClientsQuery query, CancellationToken cancellationToken) =>
        (await db.ApiClients.AsNoTracking().OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken)).Select(ApiClientDto.Of).ToList();
}
