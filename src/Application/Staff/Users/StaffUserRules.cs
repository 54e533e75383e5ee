using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Staff.Users;

/// <summary>What the account commands share: the role's message and the rule that nobody locks themselves out.</summary>
public static class StaffUserRules
{
    public static readonly Text RoleUnknown = new("บทบาทต้องเป็น Officer, Approver หรือ Admin", "The role must be Officer, Approver or Admin.");

    public static readonly Text NotYourself = new(
        "เปลี่ยนบทบาทหรือปิดการใช้งานบัญชีของตนเองไม่ได้ ให้ผู้ดูแลระบบอีกคนทำ", "You cannot change the role of, or disable, your own account; ask another administrator.");

    public const int NameMax = 200;
    public const int EmailMax = 256;

    /// <summary>An administrator cannot lock themselves out; another one can.</summary>
    public static Guid NotSelf(this ICurrentUser user, Guid id) => id == user.Id ? throw new ConflictException(NotYourself) : id;
}
