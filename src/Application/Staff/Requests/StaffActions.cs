using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Requests;

namespace CctvRequests.Application.Staff.Requests;

/// <summary>What a staff member may do to a request in its current status: the buttons the page shows.</summary>
public static class StaffActions
{
    public const string Receive = "receive";
    public const string Approve = "approve";
    public const string Cancel = "cancel";
    public const string Note = "note";
    public const string Preserve = "preserve";
    public const string HandOver = "handover";

    public static IReadOnlyList<string> Allowed(RequestStatus status, Purpose purpose, ICurrentUser user)
    {
        var actions = new List<string>();
        if (RequestStatusTransitions.IsAllowed(status, RequestStatus.Received))
        {
            actions.Add(Receive);
        }
        if (RequestStatusTransitions.IsAllowed(status, RequestStatus.Approved) && StaffRoles.Approvers.Any(user.IsInRole))
        {
            actions.Add(Approve);
        }
        if (RequestStatusTransitions.IsAllowed(status, RequestStatus.Cancelled))
        {
            actions.Add(Cancel);
        }
        actions.Add(Note);
        if (status != RequestStatus.Cancelled)
        {
            actions.Add(Preserve);
        }
        if (status == RequestStatus.Approved && purpose == Purpose.Copy)
        {
            actions.Add(HandOver);
        }
        return actions;
    }
}
