using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Staff;

/// <summary>
/// SPEC §8.14: Officer (receives, cancels, notes, preservation, print), Approver (also approves),
/// Admin (also users, settings, audit). One role per account; each role includes the ones before it.
/// </summary>
public static class StaffRoles
{
    public const string Officer = "Officer";
    public const string Approver = "Approver";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Officer, Approver, Admin];

    /// <summary>Roles that approve requests.</summary>
    public static readonly IReadOnlyList<string> Approvers = [Approver, Admin];

    /// <summary>
    /// Roles that must sign in with a second factor: every one (SPEC decision 19). Officers see full
    /// national IDs and ID-card images, so a password alone is not enough for anyone; no setting turns it off.
    /// </summary>
    public static readonly IReadOnlyList<string> NeedingSecondFactor = All;

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);

    public static Text TextOf(string role) => role switch
    {
        Officer => new("เจ้าหน้าที่", "Officer"),
        Approver => new("ผู้อนุมัติ", "Approver"),
        Admin => new("ผู้ดูแลระบบ", "Administrator"),
        _ => new(role, role),
    };
}
