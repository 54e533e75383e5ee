using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Integrations.ListEvents;

/// <param name="After">The <c>next</c> cursor of the previous page; left out, the feed from its start.</param>
/// <param name="Limit">Events per page, 1 to 1000 (100 when left out).</param>
public sealed record ListEventsForm(string? After, int? Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public ListEventsQuery ToQuery() => new(
        string.IsNullOrEmpty(After) ? FeedCursor.Start : FeedCursor.TryParse(After, out var cursor) ? cursor : throw new InvalidOperationException("Not validated."),
        Limit ?? DefaultLimit);
}

public sealed class ListEventsFormValidator : AbstractValidator<ListEventsForm>
{
    public ListEventsFormValidator()
    {
        RuleFor(x => x.After).Must(v => string.IsNullOrEmpty(v) || FeedCursor.TryParse(v, out _))
            .Says(new Text("ตัวชี้ตำแหน่ง (after) ไม่ถูกต้อง ให้ใช้ค่า next จากหน้าก่อน", "The cursor (after) is not one this feed gave; send the previous page's next."));
        RuleFor(x => x.Limit).InclusiveBetween(1, ListEventsForm.MaxLimit)
            .Says(new Text($"จำนวนต่อหน้า (limit) ต้องอยู่ระหว่าง 1 ถึง {ListEventsForm.MaxLimit}", $"The limit is 1 to {ListEventsForm.MaxLimit}."));
    }
}

/// <summary>A place in the feed: after the event written by transaction <see cref="TransactionId"/> at <see cref="Position"/>. Opaque outside.</summary>
public readonly record struct FeedCursor(ulong TransactionId, long Position)
{
    public static readonly FeedCursor Start = new(0, 0);

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, TransactionId);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], Position);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryParse(string? value, out FeedCursor cursor)
    {
        cursor = Start;
        Span<byte> bytes = stackalloc byte[18];
        if (value is not { Length: 22 } || !Base64Url.TryDecodeFromChars(value, bytes, out var written) || written != 16)
        {
            return false;
        }
        cursor = new FeedCursor(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadInt64BigEndian(bytes[8..16]));
        return cursor.Position >= 0;
    }
}

/// <summary>
/// The events after a cursor, in commit-safe order (ADR 0018): ordered by (writing transaction, number), and only
/// those written by transactions older than the oldest one still running. A transaction that writes later gets a
/// larger id than any already listed, so a reader that moved past a place never misses an event behind it.
/// </summary>
public sealed record ListEventsQuery(FeedCursor After, int Limit) : IQuery<EventPageDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.ReadEvents;

    public string? AuditReference => null;

    public string? AuditDetailsFor(object? response) =>
        response is EventPageDto page ? string.Create(CultureInfo.InvariantCulture, $"{page.Events.Count} events after {After}") : null;
}

public sealed class ListEventsHandler(IAppDbContext db) : IQueryHandler<ListEventsQuery, EventPageDto>
{
    public async ValueTask<EventPageDto> Handle(ListEventsQuery query, CancellationToken cancellationToken)
    {
        var xid = query.After.TransactionId.ToString(CultureInfo.InvariantCulture);
        var rows = await db.IntegrationEvents.FromSql($"""
                SELECT * FROM integration_events
                WHERE (transaction_id, position) > ({xid}::xid8, {query.After.Position})
                  AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY transaction_id, position
                LIMIT {query.Limit + 1}
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var page = rows.Take(query.Limit).ToList();
        var next = page.Count == 0 ? query.After : new FeedCursor(page[^1].TransactionId, page[^1].Position);
        return new EventPageDto(page.Select(IntegrationEventDto.Of).ToList(), next.ToString(), rows.Count > query.Limit);
    }
}

/// <summary>A page of the feed.</summary>
/// <param name="Events">Oldest first.</param>
/// <param name="Next">The cursor to send as <c>after</c> for the events that follow (the same one when nothing new was committed).</param>
/// <param name="HasMore">Whether more events are ready now; when false, poll again later with <paramref name="Next"/>.</param>
public sealed record EventPageDto(IReadOnlyList<IntegrationEventDto> Events, string Next, bool HasMore);

/// <summary>One event: what happened to which request; never who the applicant is.</summary>
/// <param name="Id">The event's identity, the same in a webhook delivery's <c>data.id</c>.</param>
/// <param name="Type">One of <c>request.submitted</c>, <c>request.received</c>, <c>request.approved</c>, <c>request.cancelled</c>, <c>request.handed_over</c>, <c>copy.ready</c>, <c>copy.downloaded</c>, <c>appointment.booked</c>, <c>appointment.changed</c>, <c>appointment.cancelled</c>.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="ReferenceNumber">The request's reference number.</param>
/// <param name="Status">The request's status after the event.</param>
/// <param name="Facts">Further facts without personal data: the purpose, the station's id, and for hand-overs and downloads the clips' sizes and SHA-256.</param>
public sealed record IntegrationEventDto(Guid Id, string Type, DateTimeOffset OccurredAt, string ReferenceNumber, string? Status, JsonElement Facts)
{
    public static IntegrationEventDto Of(IntegrationEvent e) =>
        new(e.Id, e.Type, e.OccurredAt, e.ReferenceNumber, e.Status, JsonDocument.Parse(e.Data).RootElement.Clone());
}
