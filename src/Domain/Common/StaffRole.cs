namespace CctvRequests.Domain.Common;

/// <summary>
/// SPEC §8.14: one role per staff account, each including the ones before it. Officer: receives,
/// cancels, notes, preservation, hand-overs, print. Approver: also approves. Admin: also users,
/// settings, audit and personal data.
/// </summary>
public enum StaffRole
{
    Officer,
    Approver,
    Admin,
}

/// <summary>Raised when the actor's role does not allow what they tried (403, unlike an illegal move, 409).</summary>
public sealed class RoleNotPermittedException(StaffRole role, Text text) : DomainException("role.not_permitted", text)
{
    public StaffRole Role { get; } = role;
}
