using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Domain.Common;
using Mediator;

namespace CctvRequests.Application.Staff.Users.CreateStaffUser;

/// <summary>A new account with a temporary password, shown once.</summary>
public sealed record CreateStaffUserCommand(string Email, string Name, StaffRole Role) : ICommand<NewPasswordDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.CreateUser;

    public string? AuditReference => null;

    public string? AuditDetails => $"{Email} as {Role}";
}

public sealed class CreateStaffUserHandler(IStaffAccounts accounts) : ICommandHandler<CreateStaffUserCommand, NewPasswordDto>
{
    public async ValueTask<NewPasswordDto> Handle(CreateStaffUserCommand command, CancellationToken cancellationToken) =>
        await accounts.CreateAsync(command.Email, command.Name, command.Role.ToString(), cancellationToken);
}
