using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using Mediator;

namespace CctvRequests.Application.Staff.Users.SetStaffUserDisabled;

/// <summary>Another account disabled or enabled again; nobody disables their own.</summary>
public sealed record SetStaffUserDisabledCommand(Guid Id, bool Disabled) : ICommand<StaffUserDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Disabled ? Audit.AuditAction.DisableUser : Audit.AuditAction.EnableUser;

    public string? AuditReference => null;

    public string? AuditDetails => $"user {Id}";
}

public sealed class SetStaffUserDisabledHandler(IStaffAccounts accounts, ICurrentUser user) : ICommandHandler<SetStaffUserDisabledCommand, StaffUserDto>
{
    public async ValueTask<StaffUserDto> Handle(SetStaffUserDisabledCommand command, CancellationToken cancellationToken) =>
        await accounts.SetDisabledAsync(user.NotSelf(command.Id), command.Disabled, cancellationToken);
}
