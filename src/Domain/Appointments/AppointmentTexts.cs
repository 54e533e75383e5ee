using System.Globalization;
using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Appointments;

/// <summary>The appointment rules' messages, written once from the limits they talk about.</summary>
public static class AppointmentTexts
{
    public static readonly Text SlotMinutesRange = new(
        $"ระยะเวลาต่อช่วงนัดต้องอยู่ระหว่าง {ViewingPlace.SlotMinutesMin} ถึง {ViewingPlace.SlotMinutesMax} นาที",
        $"A slot lasts {ViewingPlace.SlotMinutesMin} to {ViewingPlace.SlotMinutesMax} minutes.");

    public static readonly Text SeatsRange = new(
        $"จำนวนที่นั่งต่อช่วงนัดต้องอยู่ระหว่าง {ViewingPlace.SeatsMin} ถึง {ViewingPlace.SeatsMax}",
        $"A slot has {ViewingPlace.SeatsMin} to {ViewingPlace.SeatsMax} seats.");

    public static readonly Text DaysAheadRange = new(
        $"นัดล่วงหน้าได้ {ViewingPlace.DaysAheadMin} ถึง {ViewingPlace.DaysAheadMax} วัน",
        $"Bookings are taken {ViewingPlace.DaysAheadMin} to {ViewingPlace.DaysAheadMax} days ahead.");

    public static readonly Text LatestChangeRange = new(
        $"เปลี่ยนหรือยกเลิกนัดได้ก่อนเวลานัด {ViewingPlace.LatestChangeHoursMin} ถึง {ViewingPlace.LatestChangeHoursMax} ชั่วโมง",
        $"The latest change is {ViewingPlace.LatestChangeHoursMin} to {ViewingPlace.LatestChangeHoursMax} hours before a visit.");

    public static readonly Text MapUrlInvalid = new(
        "ลิงก์แผนที่ต้องขึ้นต้นด้วย https:// หรือ http://", "The map link must be a web address starting with https:// or http://.");

    public static readonly Text HoursOrder = new(
        "เวลาเปิดต้องอยู่ก่อนเวลาปิด", "Each range must open before it closes.");

    public static readonly Text HoursOverlap = new(
        "ช่วงเวลาเปิดในวันเดียวกันต้องไม่ซ้อนกัน", "The ranges of one day must not overlap.");

    public static readonly Text HoursTooMany = new(
        $"กำหนดเวลาเปิดได้ไม่เกิน {ViewingPlace.HoursMax} ช่วงต่อสัปดาห์", $"At most {ViewingPlace.HoursMax} ranges a week.");

    public static readonly Text NotAllowed = new(
        "นัดหมายเข้าชมภาพได้เฉพาะคำร้องขอดูข้อมูลภาพที่อนุมัติแล้ว", "Viewing appointments are only for an approved request to view footage.");

    public static readonly Text AlreadyBooked = new(
        "คำร้องนี้มีนัดหมายอยู่แล้ว หากต้องการเปลี่ยนเวลา กรุณาใช้ “เปลี่ยนเวลานัด”", "This request already has an appointment; to change its time, use “Change the time”.");

    public static readonly Text NoAppointment = new(
        "คำร้องนี้ยังไม่มีนัดหมาย", "This request has no appointment.");

    public static readonly Text NotBooked = new(
        "นัดหมายนี้ไม่ได้อยู่ในสถานะนัดหมายแล้ว", "This appointment is no longer booked.");

    public static readonly Text SameTime = new(
        "เวลาที่เลือกเป็นเวลานัดเดิม", "That is the time already booked.");

    public static readonly Text NotYet = new(
        "บันทึกการมาตามนัดได้ตั้งแต่วันนัด", "Attendance is recorded from the day of the visit.");

    public static readonly Text PlaceInactive = new(
        "สถานที่นี้ไม่เปิดให้นัดหมายแล้ว กรุณาเลือกสถานที่อื่น", "This place no longer takes appointments; please choose another.");

    public static readonly Text NotASlot = new(
        "เวลาที่เลือกไม่ใช่ช่วงเวลาที่สถานที่นี้เปิดให้นัด กรุณาเลือกจากเวลาที่แสดง", "That is not one of the place's slots; please choose one of the times shown.");

    public static Text ClosedDay(Text holiday) => new(
        $"วันที่เลือกเป็นวันหยุด ({holiday.Th}) กรุณาเลือกวันอื่น", $"The chosen day is closed ({holiday.En}); please choose another day.");

    public static Text AfterOverwrite(DateOnly lastDay) => new(
        $"ภาพของเหตุการณ์จะถูกบันทึกทับหลังวันที่ {Short(lastDay, thai: true)} จึงนัดได้ไม่เกินวันนั้น (เว้นแต่เจ้าหน้าที่บันทึกการเก็บรักษาภาพไว้แล้ว)",
        $"The footage is overwritten after {Short(lastDay, thai: false)}, so the visit must be on or before that day (unless the office has recorded that it preserved the footage).");

    public static Text OutsideWindow(int latestChangeHours, int daysAhead) => new(
        $"นัดได้ล่วงหน้าไม่น้อยกว่า {latestChangeHours} ชั่วโมง และไม่เกิน {daysAhead} วัน",
        $"A visit is booked at least {latestChangeHours} hours and at most {daysAhead} days ahead.");

    /// <summary>A full slot: the next free times, or that none is left in the booking window.</summary>
    public static Text SlotTaken(IReadOnlyList<DateTimeOffset> next) => next.Count == 0
        ? new("เวลานี้มีผู้จองเต็มแล้ว และไม่มีเวลาว่างอื่นในช่วงที่นัดได้ กรุณาติดต่อหน่วยงาน",
            "This time has just been taken and no other time is free in the booking period; please contact the office.")
        : new($"เวลานี้มีผู้จองเต็มแล้ว เวลาว่างถัดไป: {string.Join(", ", next.Select(t => When(t).Th))}",
            $"This time has just been taken. The next free times: {string.Join(", ", next.Select(t => When(t).En))}.");

    public static Text TooLateToChange(DateTimeOffset until) => new(
        $"เปลี่ยนหรือยกเลิกนัดได้ถึง {Short(BangkokTime.DateOf(until), thai: true)} เวลา {Time(until)} น. เท่านั้น กรุณาติดต่อหน่วยงาน",
        $"The appointment could be changed or cancelled until {Short(BangkokTime.DateOf(until), thai: false)} {Time(until)}; please contact the office.");

    /// <summary><c>16/02/2569</c> or <c>16/02/2026</c>.</summary>
    public static string Short(DateOnly date, bool thai) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day:00}/{date.Month:00}/{(thai ? date.Year + 543 : date.Year)}");

    /// <summary>Bangkok's wall-clock time of an instant: <c>09:30</c>.</summary>
    public static string Time(DateTimeOffset instant) => BangkokTime.TimeOf(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary><c>16/02/2569 09:30 น.</c> / <c>16/02/2026 09:30</c>.</summary>
    public static Text When(DateTimeOffset instant) => new(
        $"{Short(BangkokTime.DateOf(instant), thai: true)} {Time(instant)} น.", $"{Short(BangkokTime.DateOf(instant), thai: false)} {Time(instant)}");
}
