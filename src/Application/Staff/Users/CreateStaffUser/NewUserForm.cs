using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using FluentValidation;

namespace CctvRequests.Application.Staff.Users.CreateStaffUser;

/// <summary>A new account as the administrator typed it.</summary>
public sealed record NewUserForm(string? Email, string? Name, string? Role)
{
    /// <summary>After <see cref="NewUserFormValidator"/> passed: the one mapping.</summary>
    public CreateStaffUserCommand ToCommand() => new(Email!.Trim(), Name!.Trim(), StaffRoles.Parse(Role!));

    public override string ToString() => nameof(NewUserForm);
}

public sealed class NewUserFormValidator : AbstractValidator<NewUserForm>
{
    public NewUserFormValidator()
    {
        RuleFor(x => x.Email).NotEmpty().Says(new Text("กรุณากรอกอีเมล", "Please enter the e-mail."))
            .MaximumLength(StaffUserRules.EmailMax).Says(new Text("อีเมลยาวเกินไป", "The e-mail is too long."))
            .EmailAddress().Says(new Text("อีเมลไม่ถูกต้อง", "The e-mail is not valid."));
        RuleFor(x => x.Name).NotEmpty().Says(new Text("กรุณากรอกชื่อ-สกุล", "Please enter the name."))
            .MaximumLength(StaffUserRules.NameMax).Says(new Text($"ชื่อต้องไม่เกิน {StaffUserRules.NameMax} ตัวอักษร", $"The name is at most {StaffUserRules.NameMax} characters."))
            .Must(v => TextRules.IsClean(v!, multiline: false)).Says(new Text("ชื่อมีอักขระที่ใช้ไม่ได้", "The name contains characters that cannot be used."));
        RuleFor(x => x.Role).Must(StaffRoles.IsKnown).Says(StaffUserRules.RoleUnknown);
    }
}
