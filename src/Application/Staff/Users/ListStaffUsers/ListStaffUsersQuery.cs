using CctvRequests.Application.Abstractions;
using Mediator;

namespace CctvRequests.Application.Staff.Users.ListStaffUsers;

public sealed record ListStaffUsersQuery : IQuery<IReadOnlyList<StaffUserDto>>;

public sealed class ListStaffUsersHandler(IStaffAccounts accounts) : IQueryHandler<ListStaffUsersQuery, IReadOnlyList<StaffUserDto>>
{
    public async ValueTask<IReadOnlyList<StaffUserDto>> Handle(ListStaffUsersQuery query, CancellationToken cancellationToken) =>
        await accounts.ListAsync(cancellationToken);
}
