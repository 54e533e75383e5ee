using CctvRequests.Application.Common;
using CctvRequests.Application.Requests.Submit;
using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Requests;

/// <summary>The footage overwrite clock (SPEC §8.3): warn when the footage is gone or nearly gone.</summary>
public static class FootageWarnings
{
    /// <summary>At or below this many days left, the footage is "soon" overwritten (the page and the staff queue use it too).</summary>
    public const int SoonDays = 3;

    public static IReadOnlyList<SubmissionWarning> For(DateOnly overwrittenOn, DateOnly today)
    {
        var daysLeft = overwrittenOn.DayNumber - today.DayNumber;
        var date = ThaiDates.Format(overwrittenOn);
        if (daysLeft <= 0)
        {
            return [new SubmissionWarning("footage.may_be_overwritten", Lang.Of(new Text(
                $"ข้อมูลภาพของวันที่เกิดเหตุอาจถูกบันทึกทับไปแล้ว (กล้องเก็บภาพถึงวันที่ {date.Th}) เจ้าหน้าที่จะตรวจสอบและแจ้งผลให้ทราบ",
                $"The footage of the incident may already be overwritten (the cameras kept it until {date.En}). Staff will check and let you know.")))];
        }
        if (daysLeft <= SoonDays)
        {
            return [new SubmissionWarning("footage.overwritten_soon", Lang.Of(new Text(
                $"ข้อมูลภาพจะถูกบันทึกทับในวันที่ {date.Th} (อีก {daysLeft} วัน) กรุณาติดต่อเจ้าหน้าที่โดยเร็ว",
                $"The footage will be overwritten on {date.En} ({daysLeft} days left). Please contact the staff quickly.")))];
        }
        return [];
    }
}
