using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;

namespace CctvRequests.Application.Staff;

/// <summary>
/// The names of <see cref="StaffRole"/> as accounts and policies carry them (SPEC §8.14): Officer
/// (receives, cancels, notes, preservation, print), Approver (also approves), Admin (also users,
/// settings, audit). One role per account; each role includes the ones before it.
/// </summary>
public static class StaffRoles
{
    public const string Officer = nameof(StaffRole.Officer);
    public const string Approver = nameof(StaffRole.Approver);
    public const string Admin = nameof(StaffRole.Admin);

    public static readonly IReadOnlyList<string> All = [Officer, Approver, Admin];

    /// <summary>Roles that approve requests: the request's own rule (<see cref="FootageRequest.IsApprover"/>), as names.</summary>
    public static readonly IReadOnlyList<string> Approvers = Enum.GetValues<StaffRole>().Where(FootageRequest.IsApprover).Select(r => r.ToString()).ToList();

    /// <summary>
    /// Roles that must sign in with a second factor: every one (SPEC decision 19). Officers see full
    /// national IDs and ID-card images, so a password alone is not enough for anyone; no setting turns it off.
    /// </summary>
    public static readonly IReadOnlyList<string> NeedingSecondFactor = All;

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);

    /// <summary>After <see cref="IsKnown"/>: the one parse.</summary>
    public static StaffRole Parse(string role) => Enum.Parse<StaffRole>(role);

    public static Text TextOf(string role) => role switch
    {
        Officer => new("เจ้าหน้าที่", "Officer"),
        Approver => new("ผู้อนุมัติ", "Approver"),
        Admin => new("ผู้ดูแลระบบ", "Administrator"),
        _ => new(role, role),
    };
}
