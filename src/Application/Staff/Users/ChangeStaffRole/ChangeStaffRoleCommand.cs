using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Domain.Common;
using Mediator;

namespace CctvRequests.Application.Staff.Users.ChangeStaffRole;

/// <summary>Another account's role; nobody changes their own.</summary>
public sealed record ChangeStaffRoleCommand(Guid Id, StaffRole Role) : ICommand<StaffUserDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.ChangeRole;

    public string? AuditReference => null;

    public string? AuditDetails => $"user {Id} to {Role}";
}

public sealed class ChangeStaffRoleHandler(IStaffAccounts accounts, ICurrentUser user) : ICommandHandler<ChangeStaffRoleCommand, StaffUserDto>
{
    public async ValueTask<StaffUserDto> Handle(ChangeStaffRoleCommand command, CancellationToken cancellationToken) =>
        await accounts.SetRoleAsync(user.NotSelf(command.Id), command.Role.ToString(), cancellationToken);
}
