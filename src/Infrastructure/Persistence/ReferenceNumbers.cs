using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Infrastructure.Persistence;

/// <summary>
/// One counter row per BE year, incremented with an upsert inside the caller's transaction:
/// the row lock orders concurrent submissions, and a rolled-back submission gives its number back,
/// so the year's numbers have no gaps (as officers expect of a register).
/// </summary>
public sealed class ReferenceNumbers(AppDbContext db) : IReferenceNumbers
{
    public async Task<ReferenceNumber> NextAsync(int buddhistYear, CancellationToken cancellationToken)
    {
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO reference_counters (year, last_value) VALUES ({buddhistYear}, 1)
            ON CONFLICT (year) DO UPDATE SET last_value = reference_counters.last_value + 1
            RETURNING last_value AS "Value"
            """).ToListAsync(cancellationToken);
        return ReferenceNumber.Create(buddhistYear, next.Single());
    }
}
