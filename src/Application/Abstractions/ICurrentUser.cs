using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Abstractions;

/// <summary>The staff member behind the current HTTP request, and where the request came from.</summary>
public interface ICurrentUser
{
    Guid? Id { get; }

    string? Email { get; }

    string? Name { get; }

    /// <summary>The client's address as the forwarded-headers middleware resolved it.</summary>
    string ClientAddress { get; }

    bool IsInRole(string role);

    /// <summary>The API client behind the call (ADR 0018), or null for a staff member or a citizen.</summary>
    string? ApiClientId => null;

    /// <summary>The signed-in member's role (one per account; the highest if a stale session held several); throws for an anonymous caller.</summary>
    StaffRole Role => Enum.GetValues<StaffRole>().Reverse().Cast<StaffRole?>().FirstOrDefault(r => IsInRole(r!.Value.ToString()))
                      ?? throw new InvalidOperationException("No staff member is signed in.");

    /// <summary>The signed-in staff member as the history and notes record them; throws for an anonymous caller.</summary>
    Actor Actor => Id is { } id && Name is { } name
        ? new Actor(id.ToString(), name)
        : throw new InvalidOperationException("No staff member is signed in.");
}
