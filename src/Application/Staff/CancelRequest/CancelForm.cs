using CctvRequests.Domain.Requests;

namespace CctvRequests.Application.Staff.CancelRequest;

/// <summary>The body of a cancel as it came.</summary>
public sealed record CancelForm(string? ReasonCode, string? Message, string? Note = null)
{
    /// <summary>After <see cref="CancelFormValidator"/> passed: the one mapping.</summary>
    public CancelRequestCommand ToCommand(ReferenceNumber reference, uint version) =>
        new(reference, version, ReasonCode!.Trim(), Message!.Trim(), Common.OptionalText.Of(Note));

    public override string ToString() => nameof(CancelForm);
}
