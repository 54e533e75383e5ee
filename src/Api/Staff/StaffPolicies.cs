namespace CctvRequests.Api.Staff;

public static class StaffPolicies
{
    /// <summary>Signed in, even if a password change or the second factor is still due: the account calls.</summary>
    public const string Session = "StaffSession";

    /// <summary>A full staff session (Officer, Approver or Admin, nothing pending).</summary>
    public const string Staff = "Staff";

    public const string Approver = "StaffApprover";

    public const string Admin = "StaffAdmin";
}
