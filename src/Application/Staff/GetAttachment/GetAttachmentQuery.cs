using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Staff.GetAttachment;

/// <summary>One of a request's files, to show or download. Every opening is audited.</summary>
public sealed record GetAttachmentQuery(ReferenceNumber Reference, Guid AttachmentId) : IQuery<AttachmentContent>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.OpenAttachment;

    public string? AuditReference => Reference.Value;

    public string? AuditDetails => $"attachment {AttachmentId}";
}

public sealed record AttachmentContent(Stream Content, string ContentType, string FileName, long SizeBytes);

public sealed class GetAttachmentHandler(IAppDbContext db, IFileStore files) : IQueryHandler<GetAttachmentQuery, AttachmentContent>
{
    public static readonly Text NotFound = new("ไม่พบไฟล์แนบนี้ในคำร้อง", "The request has no such attachment.");

    public async ValueTask<AttachmentContent> Handle(GetAttachmentQuery query, CancellationToken cancellationToken)
    {
        var attachment = await db.FootageRequests.AsNoTracking()
            .Where(r => r.ReferenceNumber == query.Reference)
            .SelectMany(r => r.Attachments)
            .Where(a => a.Id == query.AttachmentId)
            .Select(a => new { a.StorageKey, a.ContentType, a.FileName, a.SizeBytes })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(NotFound);
        var stream = await files.OpenReadAsync(attachment.StorageKey, cancellationToken);
        return new AttachmentContent(stream, attachment.ContentType, attachment.FileName, attachment.SizeBytes);
    }
}
