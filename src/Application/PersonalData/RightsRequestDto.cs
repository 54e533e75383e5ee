using CctvRequests.Application.Common;
using CctvRequests.Domain.Privacy;

namespace CctvRequests.Application.PersonalData;

/// <summary>A rights request as the staff pages show it, with the days left to its deadline while open.</summary>
public sealed record RightsRequestDto(
    Guid Id, string Kind, string KindText, DateOnly AskedOn, DateOnly Deadline, int? DaysLeft, string Status, DateTimeOffset? DoneAt,
    string? Note, string SubjectLabel, string CreatedByName, DateTimeOffset CreatedAt, string? DoneByName, string? DoneNote)
{
    public static RightsRequestDto Of(SubjectRightsRequest r, DateOnly today) => new(
        r.Id, r.Kind.ToString(), Lang.Of(RightsKindText.Of(r.Kind)), r.AskedOn, r.Deadline,
        r.IsDone ? null : r.Deadline.DayNumber - today.DayNumber, r.IsDone ? "Done" : "Open", r.DoneAt,
        r.Note, r.SubjectLabel, r.CreatedByName, r.CreatedAt, r.DoneByName, r.DoneNote);
}
