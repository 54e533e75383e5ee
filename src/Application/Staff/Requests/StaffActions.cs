using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;

namespace CctvRequests.Application.Staff.Requests;

/// <summary>What a staff member may do to a request now: the buttons the page shows, as the request itself answers.</summary>
public static class StaffActions
{
    public const string Receive = "receive";
    public const string Approve = "approve";
    public const string Cancel = "cancel";
    public const string Note = "note";
    public const string Preserve = "preserve";
    public const string HandOver = "handover";
    public const string Appointment = "appointment";

    public static IReadOnlyList<string> Allowed(FootageRequest request, StaffRole role)
    {
        var actions = new List<string>();
        Add(request.CanReceive(), Receive);
        Add(request.CanApprove(role), Approve);
        Add(request.CanCancel(), Cancel);
        Add(true, Note);
        Add(request.CanPreserve(), Preserve);
        Add(request.CanHandOver(), HandOver);
        Add(request.CanBookAppointment(), Appointment);
        return actions;

        void Add(bool allowed, string action)
        {
            if (allowed)
            {
                actions.Add(action);
            }
        }
    }
}
