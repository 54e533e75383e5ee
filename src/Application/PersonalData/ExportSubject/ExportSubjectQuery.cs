using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.PersonalData.ExportSubject;

/// <summary>Everything held about the person as one ZIP (PDPA s.30): a JSON document and every file, byte for byte. Audited.</summary>
public sealed record ExportSubjectQuery(IdentityDocument Document) : IQuery<SubjectExport>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.ExportSubject;

    public string? AuditReference => null;

    public override string ToString() => nameof(ExportSubjectQuery);
}

/// <summary>The ZIP in a temporary file that deletes itself when the stream is closed.</summary>
public sealed record SubjectExport(Stream Zip, string FileName);

public sealed class ExportSubjectHandler(IAppDbContext db, IIdentityIndex index, IFileStore files, TimeProvider clock, ReferenceData reference)
    : IQueryHandler<ExportSubjectQuery, SubjectExport>
{
    public async ValueTask<SubjectExport> Handle(ExportSubjectQuery query, CancellationToken cancellationToken)
    {
        var requests = await db.FootageRequests.AsNoTracking().OfPerson(index, query.Document).WithEverything()
            .OrderBy(r => r.SubmittedAt).ToListAsync(cancellationToken);
        var stations = await reference.StationsAsync(db, cancellationToken);
        var ids = requests.Select(r => (Guid?)r.Id).ToList();
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.RequestId)).ToListAsync(cancellationToken);
        var zip = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await SubjectExportWriter.WriteAsync(zip, query.Document, requests, stations, messages, files, clock.GetUtcNow(), cancellationToken);
            zip.Position = 0;
            return new SubjectExport(zip, $"subject-export-{BangkokTime.Today(clock):yyyyMMdd}.zip");
        }
        catch
        {
            await zip.DisposeAsync();
            throw;
        }
    }
}
