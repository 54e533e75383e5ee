using System.Net;
using System.Text;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Appointments;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;

namespace CctvRequests.Application.Notifications;

/// <summary>What a message about one event of one request needs: nothing else reaches its text.</summary>
public sealed record MessageFacts(
    Guid RequestId,
    string ReferenceNumber,
    Purpose Purpose,
    MessageEvent Event,
    string Language,
    string? Email,
    string? SmsPhone,
    string? StatusUrl,
    string? ShortStatusUrl,
    string? UnsubscribeUrl,
    string? UnsubscribePageUrl,
    Text OrganizationName,
    Text Department,
    string Phone,
    string PhoneExtension,
    Text? Instructions,
    Text? Reason,
    string? PublicMessage,
    DateTimeOffset At,
    DateOnly? ExpiresOn = null,
    AppointmentFacts? Appointment = null);

/// <summary>The visit an appointment message is about: the place's texts and the instants, shown in Bangkok's time.</summary>
public sealed record AppointmentFacts(Text PlaceName, Text Address, string? MapUrl, Text WhatToBring, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>
/// The messages a citizen gets (SPEC decision 15): in the language of the form, the organization's name and
/// contact from its data, never an officer's name. E-mail in plain text and HTML with the status link (the
/// citizen's own address) and how to stop; SMS with the reference, the status and the short status link,
/// within two UCS-2 segments.
/// </summary>
public static class CitizenMessages
{
    /// <summary>Two concatenated UCS-2 segments (Thai text): 2 × 67 UTF-16 units.</summary>
    public const int SmsMaxLength = 134;

    public static IEnumerable<OutboxMessage> Compose(MessageFacts f)
    {
        if (f.Email is { } email)
        {
            yield return OutboxMessage.Create(f.RequestId, MessageChannel.Email, f.Event, f.Language, email, Subject(f), PlainText(f), Html(f), f.UnsubscribeUrl, f.At);
        }
        if (f.SmsPhone is { } phone)
        {
            yield return OutboxMessage.Create(f.RequestId, MessageChannel.Sms, f.Event, f.Language, phone, null, Sms(f), null, null, f.At);
        }
    }

    private static bool English(MessageFacts f) => f.Language == "en";

    private static string L(MessageFacts f, Text text) => English(f) ? text.En : text.Th;

    public static Text StatusOf(MessageEvent @event) => @event switch
    {
        MessageEvent.Submitted => RequestStatusText.Of(RequestStatus.Pending),
        MessageEvent.Received => RequestStatusText.Of(RequestStatus.Received),
        MessageEvent.Approved => RequestStatusText.Of(RequestStatus.Approved),
        MessageEvent.Cancelled => RequestStatusText.Of(RequestStatus.Cancelled),
        MessageEvent.CopyReady => new("ไฟล์ภาพพร้อมให้ดาวน์โหลด", "Your copy is ready to download"),
        MessageEvent.AppointmentBooked => new("นัดหมายเข้าชมภาพ", "Viewing booked"),
        MessageEvent.AppointmentChanged => new("เปลี่ยนเวลานัดเข้าชมภาพ", "Viewing moved"),
        MessageEvent.AppointmentCancelled => new("ยกเลิกนัดเข้าชมภาพ", "Viewing cancelled"),
        MessageEvent.AppointmentReminder => new("พรุ่งนี้มีนัดเข้าชมภาพ", "Your viewing is tomorrow"),
        _ => throw new ArgumentOutOfRangeException(nameof(@event)),
    };

    /// <summary>What the subject and the SMS say first: the event, and for a visit its day and time.</summary>
    private static Text Headline(MessageFacts f) => f.Appointment is { } a
        ? new($"{StatusOf(f.Event).Th} {AppointmentTexts.When(a.StartsAt).Th}", $"{StatusOf(f.Event).En} {AppointmentTexts.When(a.StartsAt).En}")
        : StatusOf(f.Event);

    public static string Subject(MessageFacts f) =>
        L(f, new Text($"คำร้อง {f.ReferenceNumber}: {Headline(f).Th}", $"Request {f.ReferenceNumber}: {Headline(f).En}"));

    private static Text WhatHappened(MessageFacts f) => f.Event switch
    {
        MessageEvent.Submitted => new(
            $"{f.OrganizationName.Th} ได้รับคำร้อง{PurposeText(f.Purpose).Th} เลขที่ {f.ReferenceNumber} ของท่านแล้ว เจ้าหน้าที่จะตรวจสอบและแจ้งผลให้ทราบ",
            $"{f.OrganizationName.En} has received your request to {PurposeText(f.Purpose).En}, number {f.ReferenceNumber}. An officer will check it and let you know."),
        MessageEvent.Received => new(
            $"เจ้าหน้าที่รับเรื่องคำร้องเลขที่ {f.ReferenceNumber} แล้ว และกำลังเสนอผู้มีอำนาจพิจารณา",
            $"An officer has taken up request {f.ReferenceNumber} and is presenting it for a decision."),
        MessageEvent.Approved => new(
            $"คำร้องเลขที่ {f.ReferenceNumber} ได้รับการอนุมัติแล้ว",
            $"Request {f.ReferenceNumber} has been approved."),
        MessageEvent.Cancelled => new(
            $"คำร้องเลขที่ {f.ReferenceNumber} ถูกยกเลิก",
            $"Request {f.ReferenceNumber} has been cancelled."),
        MessageEvent.CopyReady => new(
            $"ไฟล์ภาพของคำร้องเลขที่ {f.ReferenceNumber} พร้อมให้ดาวน์โหลดที่หน้าสถานะคำร้องแล้ว ถึงวันที่ {ThaiDates.Long(f.ExpiresOn, thai: true)} "
            + "เมื่อเปิดหน้าสถานะ กรุณากรอกเลขบัตรประชาชนหรือเลขหนังสือเดินทางที่ใช้ยื่นคำร้อง เพื่อดาวน์โหลด",
            $"The clips for request {f.ReferenceNumber} can be downloaded from the request's status page until {ThaiDates.Long(f.ExpiresOn, thai: false)}. "
            + "On the status page, type the ID or passport number you filed the request with to download them."),
        MessageEvent.AppointmentBooked => Visit(f, "ท่านนัดหมายเข้าชมภาพของคำร้องเลขที่ {0} ไว้วันที่ {1}", "You have booked a visit to view the footage of request {0} on {1}"),
        MessageEvent.AppointmentChanged => Visit(f, "นัดหมายเข้าชมภาพของคำร้องเลขที่ {0} เปลี่ยนเป็นวันที่ {1}", "The visit to view the footage of request {0} is now on {1}"),
        MessageEvent.AppointmentCancelled => Visit(f, "นัดหมายเข้าชมภาพของคำร้องเลขที่ {0} วันที่ {1} ถูกยกเลิกแล้ว หากยังต้องการเข้าชม กรุณานัดใหม่ที่หน้าสถานะคำร้อง",
            "The visit to view the footage of request {0} on {1} is cancelled. To come another time, book again on the request's status page"),
        MessageEvent.AppointmentReminder => Visit(f, "พรุ่งนี้ท่านมีนัดเข้าชมภาพของคำร้องเลขที่ {0} วันที่ {1}", "Tomorrow you have a visit to view the footage of request {0}, on {1}"),
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };

    private static Text Visit(MessageFacts f, string th, string en)
    {
        var a = f.Appointment ?? throw new InvalidOperationException("An appointment message needs its appointment.");
        var thai = $"{Long(a.StartsAt, thai: true)} เวลา {AppointmentTexts.Time(a.StartsAt)}-{AppointmentTexts.Time(a.EndsAt)} น.";
        var english = $"{Long(a.StartsAt, thai: false)}, {AppointmentTexts.Time(a.StartsAt)}-{AppointmentTexts.Time(a.EndsAt)}";
        return new(string.Format(System.Globalization.CultureInfo.InvariantCulture, th, f.ReferenceNumber, thai),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, en, f.ReferenceNumber, english) + ".");
    }

    private static string Long(DateTimeOffset instant, bool thai) => ThaiDates.Long(BangkokTime.DateOf(instant), thai);

    private static Text PurposeText(Purpose purpose) => purpose == Purpose.View
        ? new("ขอดูข้อมูลภาพ", "view footage")
        : new("ขอสำเนาข้อมูลภาพ", "get a copy of footage");

    /// <summary>The paragraphs of the message, in order; each is plain text.</summary>
    private static IEnumerable<(string Text, string? Link)> Paragraphs(MessageFacts f)
    {
        yield return (L(f, new Text("เรียน ผู้ยื่นคำร้อง", "Dear applicant,")), null);
        yield return (L(f, WhatHappened(f)), null);
        yield return (L(f, new Text($"สถานะ: {StatusOf(f.Event).Th}", $"Status: {StatusOf(f.Event).En}")), null);
        if (f.Event == MessageEvent.Approved && f.Instructions is { } instructions && L(f, instructions).Length > 0)
        {
            yield return (L(f, instructions), null);
        }
        if (f.Appointment is { } visit && f.Event != MessageEvent.AppointmentCancelled)
        {
            yield return (L(f, new Text($"สถานที่: {visit.PlaceName.Th} {visit.Address.Th}", $"Where: {visit.PlaceName.En}, {visit.Address.En}")), visit.MapUrl);
            yield return (L(f, new Text($"สิ่งที่ต้องนำมา: {visit.WhatToBring.Th}", $"What to bring: {visit.WhatToBring.En}")), null);
        }
        if (f.Event == MessageEvent.Cancelled)
        {
            if (f.Reason is { } reason)
            {
                yield return (L(f, new Text($"เหตุผล: {reason.Th}", $"Reason: {reason.En}")), null);
            }
            if (!string.IsNullOrWhiteSpace(f.PublicMessage))
            {
                yield return (L(f, new Text($"ข้อความจากเจ้าหน้าที่: {f.PublicMessage}", $"Message from the office: {f.PublicMessage}")), null);
            }
        }
        if (f.StatusUrl is { } status)
        {
            yield return (L(f, new Text("ดูสถานะคำร้องได้ที่ลิงก์นี้ (ลิงก์นี้เป็นของท่าน กรุณาอย่าส่งต่อ):", "See the request's status here (this link is yours; please do not pass it on):")), status);
        }
        var contact = string.IsNullOrWhiteSpace(f.PhoneExtension) ? f.Phone : L(f, new Text($"{f.Phone} ต่อ {f.PhoneExtension}", $"{f.Phone} ext. {f.PhoneExtension}"));
        yield return (L(f, new Text($"สอบถาม: {f.Department.Th} {f.OrganizationName.Th} โทร {contact}", $"Questions: {f.Department.En}, {f.OrganizationName.En}, phone {contact}")), null);
        if (f.UnsubscribePageUrl is { } unsubscribe)
        {
            yield return (L(f, new Text(
                "ท่านได้รับอีเมลนี้เพราะขอรับแจ้งผลทางอีเมลในแบบฟอร์มคำร้อง หากไม่ต้องการรับข่าวสารของคำร้องนี้อีก:",
                "You get this e-mail because you asked for news of your request on the form. To stop messages about this request:")), unsubscribe);
        }
    }

    public static string PlainText(MessageFacts f)
    {
        var text = new StringBuilder();
        foreach (var (paragraph, link) in Paragraphs(f))
        {
            text.Append(paragraph).Append('\n');
            if (link is not null)
            {
                text.Append(link).Append('\n');
            }
            text.Append('\n');
        }
        return text.ToString().TrimEnd() + "\n";
    }

    public static string Html(MessageFacts f)
    {
        var html = new StringBuilder($"<!doctype html><html lang=\"{(English(f) ? "en" : "th")}\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(Subject(f))).Append("</title></head><body>");
        foreach (var (paragraph, link) in Paragraphs(f))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal));
            if (link is not null)
            {
                var href = WebUtility.HtmlEncode(link);
                html.Append("<br><a href=\"").Append(href).Append("\">").Append(href).Append("</a>");
            }
            html.Append("</p>");
        }
        return html.Append("</body></html>").ToString();
    }

    /// <summary>Reference, status and the short link; the words before the link give way first, the link never breaks.</summary>
    public static string Sms(MessageFacts f)
    {
        var head = L(f, new Text($"คำร้อง {f.ReferenceNumber}: {Headline(f).Th}", $"Request {f.ReferenceNumber}: {Headline(f).En}"));
        var invite = L(f, new Text(" ดูรายละเอียด ", " Details: "));
        if (f.ShortStatusUrl is not { } link)
        {
            return Fit(head);
        }
        foreach (var candidate in new[] { head + invite + link, head + " " + link })
        {
            if (candidate.Length <= SmsMaxLength)
            {
                return candidate;
            }
        }
        return Fit(head);
    }

    private static string Fit(string text) => text.Length <= SmsMaxLength ? text : text[..SmsMaxLength];
}
