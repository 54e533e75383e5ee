namespace CctvRequests.Application.Audit;

/// <summary>
/// One line of the audit log. Append-only: the application has no path that edits or deletes it,
/// and the database refuses UPDATE, DELETE and TRUNCATE on the table. It names people by account
/// and requests by reference number, never by the citizen's personal data.
/// </summary>
public sealed class AuditEntry
{
    public const int EmailMax = 256;
    public const int NameMax = 200;
    public const int DetailsMax = 1000;
    public const int AddressMax = 64;

    private AuditEntry()
    {
        Action = ClientAddress = string.Empty;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserEmail { get; private set; }
    public string? UserName { get; private set; }
    public string Action { get; private set; }
    public string? ReferenceNumber { get; private set; }
    public string ClientAddress { get; private set; }

    /// <summary>What else identifies the event (a file's kind, a user's e-mail, filters); never a citizen's data.</summary>
    public string? Details { get; private set; }

    public static AuditEntry Create(
        DateTimeOffset at, Guid? userId, string? userEmail, string? userName, AuditAction action, string? referenceNumber, string clientAddress, string? details) => new()
    {
        Id = Guid.CreateVersion7(at),
        At = at.ToUniversalTime(),
        UserId = userId,
        UserEmail = Cut(userEmail, EmailMax),
        UserName = Cut(userName, NameMax),
        Action = action.ToString(),
        ReferenceNumber = referenceNumber,
        ClientAddress = Cut(clientAddress, AddressMax) ?? "unknown",
        Details = Cut(details, DetailsMax),
    };

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
