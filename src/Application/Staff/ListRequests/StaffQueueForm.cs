using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;

namespace CctvRequests.Application.Staff.ListRequests;

public enum QueueSort
{
    /// <summary>Fewest days before the footage is overwritten first.</summary>
    Overwrite,
    Newest,
    Oldest,
}

/// <summary>The queue's filters as they came in the query string.</summary>
public sealed record StaffQueueForm(
    string? Status = null,
    string? StationId = null,
    string? SubmittedFrom = null,
    string? SubmittedTo = null,
    string? IncidentFrom = null,
    string? IncidentTo = null,
    string? Q = null,
    string? Sort = null,
    string? Page = null,
    string? PageSize = null)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public const int SearchMax = 100;

    public ListStaffRequestsQuery ToQuery()
    {
        var statuses = Parse.Statuses(Status);
        var open = statuses.Count > 0 && statuses.All(s => !RequestStatusTransitions.IsFinal(s));
        return new ListStaffRequestsQuery(
            statuses,
            Parse.OptionalInt(StationId),
            Parse.OptionalDate(SubmittedFrom),
            Parse.OptionalDate(SubmittedTo),
            Parse.OptionalDate(IncidentFrom),
            Parse.OptionalDate(IncidentTo),
            string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            string.IsNullOrWhiteSpace(Sort) ? (open ? QueueSort.Overwrite : QueueSort.Newest) : Enum.Parse<QueueSort>(Sort, ignoreCase: true),
            Parse.OptionalInt(Page) ?? 1,
            Parse.OptionalInt(PageSize) ?? DefaultPageSize);
    }

    /// <summary>Never print the search: it may hold a national ID.</summary>
    public override string ToString() => nameof(StaffQueueForm);
}

public sealed class StaffQueueFormValidator : AbstractValidator<StaffQueueForm>
{
    public StaffQueueFormValidator()
    {
        RuleFor(x => x.Status).Must(v => Parse.TryStatuses(v, out _))
            .Says(new Text("สถานะต้องเป็น Pending, Received, Approved หรือ Cancelled", "Status must be Pending, Received, Approved or Cancelled."));
        RuleFor(x => x.StationId).Must(v => string.IsNullOrWhiteSpace(v) || FormNumbers.TryParseInt(v, out _)).Says(new Text("ไม่พบสถานที่ที่เลือก กรุณาเลือกจากรายการ", "The location is not valid; choose one from the list."));
        foreach (var (date, name) in new (System.Linq.Expressions.Expression<Func<StaffQueueForm, string?>>, string)[]
                 { (x => x.SubmittedFrom, "submittedFrom"), (x => x.SubmittedTo, "submittedTo"), (x => x.IncidentFrom, "incidentFrom"), (x => x.IncidentTo, "incidentTo") })
        {
            RuleFor(date).Must(v => string.IsNullOrWhiteSpace(v) || ThaiDates.TryParseIsoDate(v, out _))
                .Says(new Text("วันที่ต้องอยู่ในรูปแบบ yyyy-MM-dd", "Dates are yyyy-MM-dd.")).OverridePropertyName(name);
        }
        RuleFor(x => x.Q).MaximumLength(StaffQueueForm.SearchMax).Says(new Text($"คำค้นหาต้องไม่เกิน {StaffQueueForm.SearchMax} ตัวอักษร", $"The search is at most {StaffQueueForm.SearchMax} characters."))
            .Must(v => v is null || TextRules.IsClean(v, multiline: false)).Says(new Text("คำค้นหามีอักขระที่ใช้ไม่ได้", "The search contains characters that cannot be used."));
        RuleFor(x => x.Sort).Must(v => string.IsNullOrWhiteSpace(v) || (Enum.TryParse<QueueSort>(v, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(v, out _)))
            .Says(new Text("การเรียงลำดับต้องเป็น overwrite, newest หรือ oldest", "Sort must be overwrite, newest or oldest."));
        RuleFor(x => x.Page).Must(v => string.IsNullOrWhiteSpace(v) || (FormNumbers.TryParseInt(v, out var n) && n >= 1))
            .Says(new Text("หน้าต้องเป็นตัวเลขตั้งแต่ 1", "Page is a number from 1."));
        RuleFor(x => x.PageSize).Must(v => string.IsNullOrWhiteSpace(v) || (FormNumbers.TryParseInt(v, out var n) && n is >= 1 and <= StaffQueueForm.MaxPageSize))
            .Says(new Text($"จำนวนต่อหน้าต้องอยู่ระหว่าง 1 ถึง {StaffQueueForm.MaxPageSize}", $"Page size is 1 to {StaffQueueForm.MaxPageSize}."));
    }
}

internal static class Parse
{
    public static bool TryStatuses(string? value, out List<RequestStatus> statuses)
    {
        statuses = [];
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<RequestStatus>(part, ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(part, out _))
            {
                return false;
            }
            statuses.Add(status);
        }
        return true;
    }

    public static List<RequestStatus> Statuses(string? value) =>
        TryStatuses(value, out var statuses) ? statuses.Distinct().ToList() : throw new InvalidOperationException("Unvalidated status.");

    public static int? OptionalInt(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : FormNumbers.TryParseInt(value, out var n) ? n : throw new InvalidOperationException("Unvalidated number.");

    public static DateOnly? OptionalDate(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : ThaiDates.TryParseIsoDate(value, out var d) ? d : throw new InvalidOperationException("Unvalidated date.");
}
