using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using FluentValidation;
using Mediator;

namespace CctvRequests.Application.Staff.Users;

public sealed record StaffUserDto(
    Guid Id, string Email, string Name, string Role, string RoleText, bool Disabled, bool LockedOut, bool TwoFactorEnabled, bool MustChangePassword, DateTimeOffset CreatedAt);

/// <summary>An account with the temporary password an administrator hands over (shown once).</summary>
public sealed record NewPasswordDto(StaffUserDto User, string TemporaryPassword);

public sealed record ListStaffUsersQuery : IQuery<IReadOnlyList<StaffUserDto>>;

public sealed record CreateStaffUserCommand(string? Email, string? Name, string? Role) : ICommand<NewPasswordDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.CreateUser;

    public string? AuditReference => null;

    public string? AuditDetails => $"{Email} as {Role}";
}

public sealed record ChangeStaffRoleCommand(Guid Id, string? Role) : ICommand<StaffUserDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.ChangeRole;

    public string? AuditReference => null;

    public string? AuditDetails => $"user {Id} to {Role}";
}

public sealed record SetStaffUserDisabledCommand(Guid Id, bool Disabled) : ICommand<StaffUserDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Disabled ? Audit.AuditAction.DisableUser : Audit.AuditAction.EnableUser;

    public string? AuditReference => null;

    public string? AuditDetails => $"user {Id}";
}

public sealed record ResetStaffPasswordCommand(Guid Id, bool ResetTwoFactor) : ICommand<NewPasswordDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.ResetPassword;

    public string? AuditReference => null;

    public string? AuditDetails => ResetTwoFactor ? $"user {Id}, two-step verification reset" : $"user {Id}";
}

public sealed class StaffUserValidators
{
    public static readonly Text RoleUnknown = new("บทบาทต้องเป็น Officer, Approver หรือ Admin", "The role must be Officer, Approver or Admin.");
    public const int NameMax = 200;
    public const int EmailMax = 256;

    public sealed class Create : AbstractValidator<CreateStaffUserCommand>
    {
        public Create()
        {
            RuleFor(x => x.Email).NotEmpty().Says(new Text("กรุณากรอกอีเมล", "Please enter the e-mail."))
                .MaximumLength(EmailMax).Says(new Text("อีเมลยาวเกินไป", "The e-mail is too long."))
                .EmailAddress().Says(new Text("อีเมลไม่ถูกต้อง", "The e-mail is not valid."));
            RuleFor(x => x.Name).NotEmpty().Says(new Text("กรุณากรอกชื่อ-สกุล", "Please enter the name."))
                .MaximumLength(NameMax).Says(new Text($"ชื่อต้องไม่เกิน {NameMax} ตัวอักษร", $"The name is at most {NameMax} characters."))
                .Must(v => TextRules.IsClean(v!, multiline: false)).Says(new Text("ชื่อมีอักขระที่ใช้ไม่ได้", "The name contains characters that cannot be used."));
            RuleFor(x => x.Role).Must(StaffRoles.IsKnown).Says(RoleUnknown);
        }
    }

    public sealed class ChangeRole : AbstractValidator<ChangeStaffRoleCommand>
    {
        public ChangeRole() => RuleFor(x => x.Role).Must(StaffRoles.IsKnown).Says(RoleUnknown);
    }
}

public sealed class StaffUserHandlers(IStaffAccounts accounts, ICurrentUser user) :
    IQueryHandler<ListStaffUsersQuery, IReadOnlyList<StaffUserDto>>,
    ICommandHandler<CreateStaffUserCommand, NewPasswordDto>,
    ICommandHandler<ChangeStaffRoleCommand, StaffUserDto>,
    ICommandHandler<SetStaffUserDisabledCommand, StaffUserDto>,
    ICommandHandler<ResetStaffPasswordCommand, NewPasswordDto>
{
    public static readonly Text NotYourself = new(
        "เปลี่ยนบทบาทหรือปิดการใช้งานบัญชีของตนเองไม่ได้ ให้ผู้ดูแลระบบอีกคนทำ", "You cannot change the role of, or disable, your own account; ask another administrator.");

    public async ValueTask<IReadOnlyList<StaffUserDto>> Handle(ListStaffUsersQuery query, CancellationToken cancellationToken) =>
        await accounts.ListAsync(cancellationToken);

    public async ValueTask<NewPasswordDto> Handle(CreateStaffUserCommand command, CancellationToken cancellationToken) =>
        await accounts.CreateAsync(command.Email!.Trim(), command.Name!.Trim(), command.Role!, cancellationToken);

    public async ValueTask<StaffUserDto> Handle(ChangeStaffRoleCommand command, CancellationToken cancellationToken) =>
        await accounts.SetRoleAsync(NotSelf(command.Id), command.Role!, cancellationToken);

    public async ValueTask<StaffUserDto> Handle(SetStaffUserDisabledCommand command, CancellationToken cancellationToken) =>
        await accounts.SetDisabledAsync(NotSelf(command.Id), command.Disabled, cancellationToken);

    public async ValueTask<NewPasswordDto> Handle(ResetStaffPasswordCommand command, CancellationToken cancellationToken) =>
        await accounts.ResetPasswordAsync(command.Id, command.ResetTwoFactor, cancellationToken);

    /// <summary>An administrator cannot lock themselves out; another one can.</summary>
    private Guid NotSelf(Guid id) => id == user.Id ? throw new ConflictException(NotYourself) : id;
}
