namespace CctvRequests.Domain.Requests;

/// <summary>One move of the status machine: who, when, why. Never edited after it is written.</summary>
public sealed class StatusChange
{
    private StatusChange()
    {
        Actor = ActorName = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Null for the first entry, when the request is submitted.</summary>
    public RequestStatus? From { get; private set; }

    public RequestStatus To { get; private set; }
    /// <summary>The staff account's id, or <c>citizen</c>.</summary>
    public string Actor { get; private set; }

    /// <summary>The name shown for <see cref="Actor"/> when the move was made.</summary>
    public string ActorName { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>Internal note for staff; never shown to the citizen.</summary>
    public string? Note { get; private set; }

    /// <summary>The code of the <see cref="Requests.CancellationReason"/>, for a cancellation.</summary>
    public string? ReasonCode { get; private set; }

    /// <summary>What the citizen reads when the request is cancelled.</summary>
    public string? PublicMessage { get; private set; }

    /// <summary>Erasure: the staff note and the message to the citizen may name the person; the move itself stays.</summary>
    internal void ErasePersonalData()
    {
        Note = null;
        PublicMessage = null;
    }

    internal static StatusChange Create(
        RequestStatus? from, RequestStatus to, Common.Actor actor, DateTimeOffset at, string? note,
        string? reasonCode = null, string? publicMessage = null) => new()
    {
        Id = Guid.CreateVersion7(),
        From = from,
        To = to,
        Actor = Common.Guard.Text(actor.Id, "actor", 1, Common.Actor.IdMax),
        ActorName = Common.Guard.Text(actor.Name, "actorName", 1, Common.Actor.NameMax),
        At = at.ToUniversalTime(),
        Note = note,
        ReasonCode = reasonCode,
        PublicMessage = publicMessage,
    };
}
