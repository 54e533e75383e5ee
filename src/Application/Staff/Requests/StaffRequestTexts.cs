using CctvRequests.Application.Requests;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;

namespace CctvRequests.Application.Staff.Requests;

/// <summary>Labels and the overwrite clock as the staff screens show them.</summary>
public static class StaffRequestTexts
{
    public const string FlagOverwriteSoon = "overwriteSoon";
    public const string FlagOverwritten = "overwritten";

    public static Text PurposeOf(Purpose purpose) => purpose switch
    {
        Purpose.View => new("ขอดูข้อมูลภาพ", "View the footage"),
        Purpose.Copy => new("ขอสำเนาข้อมูลภาพ", "Copy of the footage"),
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };

    /// <summary>
    /// The queue's warning (SPEC §8.3, §8.11): an open request whose footage has no preservation
    /// record and is gone or will be within <see cref="FootageWarnings.SoonDays"/> days.
    /// </summary>
    public static string? Flag(RequestStatus status, int daysLeft, bool preserved) =>
        preserved || RequestStatusTransitions.IsFinal(status)
            ? null
            : daysLeft <= 0 ? FlagOverwritten : daysLeft <= FootageWarnings.SoonDays ? FlagOverwriteSoon : null;
}
