using CctvRequests.Application.Common;
using FluentValidation;

namespace CctvRequests.Application.Staff.Users.ChangeStaffRole;

/// <summary>The new role as sent: Officer, Approver or Admin.</summary>
public sealed record RoleForm(string? Role)
{
    /// <summary>After <see cref="RoleFormValidator"/> passed: the one mapping.</summary>
    public ChangeStaffRoleCommand ToCommand(Guid id) => new(id, StaffRoles.Parse(Role!));

    public override string ToString() => nameof(RoleForm);
}

public sealed class RoleFormValidator : AbstractValidator<RoleForm>
{
    public RoleFormValidator() => RuleFor(x => x.Role).Must(StaffRoles.IsKnown).Says(StaffUserRules.RoleUnknown);
}
