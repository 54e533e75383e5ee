using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Requests;

/// <summary>The cancellation reasons' labels by code (a handful of rows; old codes keep their labels when retired).</summary>
public static class ReasonTexts
{
    public static async Task<IReadOnlyDictionary<string, Text>> AllAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        (await db.CancellationReasons.AsNoTracking().Select(r => new { r.Code, r.LabelTh, r.LabelEn }).ToListAsync(cancellationToken))
        .ToDictionary(r => r.Code, r => new Text(r.LabelTh, r.LabelEn), StringComparer.Ordinal);

    public static string? Of(IReadOnlyDictionary<string, Text> labels, string? code) =>
        code is null ? null : labels.TryGetValue(code, out var label) ? Common.Lang.Of(label) : code;
}
