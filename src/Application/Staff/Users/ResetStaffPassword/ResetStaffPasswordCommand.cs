using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using Mediator;

namespace CctvRequests.Application.Staff.Users.ResetStaffPassword;

/// <summary>A new temporary password (shown once); optionally the second factor is set up again.</summary>
public sealed record ResetStaffPasswordCommand(Guid Id, bool ResetTwoFactor) : ICommand<NewPasswordDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.ResetPassword;

    public string? AuditReference => null;

    public string? AuditDetails => ResetTwoFactor ? $"user {Id}, two-step verification reset" : $"user {Id}";
}

/// <summary>The body of a reset: whether two-step verification is turned off too.</summary>
public sealed record ResetPasswordForm(bool ResetTwoFactor = false)
{
    public ResetStaffPasswordCommand ToCommand(Guid id) => new(id, ResetTwoFactor);
}

public sealed class ResetStaffPasswordHandler(IStaffAccounts accounts) : ICommandHandler<ResetStaffPasswordCommand, NewPasswordDto>
{
    public async ValueTask<NewPasswordDto> Handle(ResetStaffPasswordCommand command, CancellationToken cancellationToken) =>
        await accounts.ResetPasswordAsync(command.Id, command.ResetTwoFactor, cancellationToken);
}
