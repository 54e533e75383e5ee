using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Staff.GetHandOverSignature;

/// <summary>The recipient's signature of a hand-over, as a PNG (audited like a file).</summary>
public sealed record GetHandOverSignatureQuery(ReferenceNumber Reference, Guid HandOverId) : IQuery<byte[]>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.OpenAttachment;

    public string? AuditReference => Reference.Value;

    public string? AuditDetails => $"hand-over signature {HandOverId}";
}

public sealed class GetHandOverSignatureHandler(IAppDbContext db) : IQueryHandler<GetHandOverSignatureQuery, byte[]>
{
    public async ValueTask<byte[]> Handle(GetHandOverSignatureQuery query, CancellationToken cancellationToken) =>
        await db.FootageRequests.AsNoTracking()
            .Where(r => r.ReferenceNumber == query.Reference)
            .SelectMany(r => r.HandOvers)
            .Where(h => h.Id == query.HandOverId)
            .Select(h => h.SignaturePng)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException(new Text("ไม่พบลายมือชื่อนี้", "No such signature."));
}
