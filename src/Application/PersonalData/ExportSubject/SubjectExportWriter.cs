using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;

namespace CctvRequests.Application.PersonalData.ExportSubject;

/// <summary>
/// The access export: <c>subject.json</c> (every request with every field, its history, notes,
/// preservation records, hand-overs, consent, the news asked for and every message sent) and <c>files/&lt;reference&gt;/&lt;n&gt;-&lt;name&gt;</c>,
/// each file as stored, byte for byte, with its SHA-256 in the JSON to check it against.
/// </summary>
public static class SubjectExportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Thai stays readable in the file; it is not HTML
    };

    public static async Task WriteAsync(
        Stream output, IdentityDocument document, IReadOnlyList<FootageRequest> requests, IReadOnlyDictionary<int, Text> stations,
        IReadOnlyList<Notifications.OutboxMessage> messages, IFileStore files, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var exported = new List<object>();
        foreach (var r in requests)
        {
            var fileEntries = new List<object>();
            var n = 0;
            foreach (var a in r.Attachments)
            {
                var path = $"files/{r.ReferenceNumber.Value}/{++n}-{ZipEntryNames.Safe(a.FileName)}";
                var entry = zip.CreateEntry(path, CompressionLevel.NoCompression);
                await using (var target = await entry.OpenAsync(cancellationToken))
                await using (var source = await files.OpenReadAsync(a.StorageKey, cancellationToken))
                {
                    await source.CopyToAsync(target, cancellationToken);
                }
                fileEntries.Add(new { kind = a.Kind.ToString(), a.FileName, a.ContentType, a.SizeBytes, a.Sha256, path });
            }
            var handOvers = new List<object>();
            foreach (var h in r.HandOvers)
            {
                string? signature = null;
                if (h.SignaturePng is { } png)
                {
                    signature = $"files/{r.ReferenceNumber.Value}/handover-{handOvers.Count + 1}-signature.png";
                    var entry = zip.CreateEntry(signature, CompressionLevel.NoCompression);
                    await using var target = await entry.OpenAsync(cancellationToken);
                    await target.WriteAsync(png, cancellationToken);
                }
                handOvers.Add(new { h.At, h.RecordedByName, h.Medium, h.ReceivedBy, clips = h.Clips.Select(c => new { c.FileName, c.SizeBytes, c.Sha256 }), signature });
            }
            var a2 = r.Applicant;
            exported.Add(new
            {
                referenceNumber = r.ReferenceNumber.Value,
                status = r.Status.ToString(),
                r.WrittenOn,
                r.SubmittedAt,
                r.DecidedAt,
                r.ErasedAt,
                applicant = new
                {
                    a2.Title, a2.FirstName, a2.LastName,
                    documentKind = a2.Identity.Kind.ToString(),
                    documentNumber = a2.Identity.Number,
                    documentCountry = a2.Identity.Country,
                    a2.Age, a2.Ethnicity, a2.Nationality, a2.Address,
                    phone = a2.Phone.National,
                },
                purpose = r.Purpose.ToString(),
                r.FileCount,
                station = new { id = r.StationId, name = stations.TryGetValue(r.StationId, out var name) ? name.Th : null, nameEn = name?.En },
                r.IncidentDate,
                incidentTime = r.IncidentTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                r.Reason,
                signatureMethod = r.SignatureMethod.ToString(),
                notifications = new { email = r.Notifications.Email, bySms = r.Notifications.BySms, r.Notifications.StoppedAt },
                messages = messages.Where(m => m.RequestId == r.Id).OrderBy(m => m.CreatedAt).Select(m => new
                {
                    channel = m.Channel.ToString(), @event = m.Event.ToString(), status = m.Status.ToString(), m.CreatedAt, m.SentAt, m.Recipient, m.Attempts,
                }),
                r.FootageOverwrittenOn,
                privacyConsent = new { r.PrivacyConsent.NoticeVersion, r.PrivacyConsent.Language, r.PrivacyConsent.AcceptedAt, r.PrivacyConsent.TextSha256 },
                history = r.History.OrderBy(h => h.At).Select(h => new { from = h.From?.ToString(), to = h.To.ToString(), h.At, by = h.ActorName, h.ReasonCode, message = h.PublicMessage }),
                notes = r.Notes.OrderBy(x => x.At).Select(x => new { x.At, by = x.AuthorName, x.Text }),
                preservations = r.Preservations.OrderBy(x => x.At).Select(x => new { x.At, by = x.RecordedByName, x.Note }),
                handOvers,
                appointments = r.Appointments.OrderBy(x => x.BookedAt).Select(x => new
                {
                    x.PlaceId, x.StartsAt, x.EndsAt, status = x.Status.ToString(), x.BookedAt, bookedBy = x.BookedByName, x.ClosedAt, closedBy = x.ClosedByName,
                }),
                files = fileEntries,
            });
        }
        var subject = zip.CreateEntry("subject.json", CompressionLevel.Optimal);
        await using var json = await subject.OpenAsync(cancellationToken);
        await JsonSerializer.SerializeAsync(json, new
        {
            exportedAt = now,
            subject = new { kind = document.Kind.ToString(), number = document.Number, country = document.Country },
            requests = exported,
        }, Json, cancellationToken);
    }
}
