using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Organization;

/// <summary>"… please contact the office" followed by whom and which number, from the organization's data.</summary>
public sealed class OrganizationContact(IAppDbContext db)
{
    public async Task<Text> AppendAsync(Text message, CancellationToken cancellationToken)
    {
        var p = (await db.OrganizationProfiles.AsNoTracking().SingleAsync(cancellationToken)).Details;
        var extension = string.IsNullOrWhiteSpace(p.PhoneExtension) ? new Text(string.Empty, string.Empty) : new Text($" ต่อ {p.PhoneExtension}", $" ext. {p.PhoneExtension}");
        return new Text($"{message.Th} ({p.Department.Th} โทร {p.Phone}{extension.Th})", $"{message.En} ({p.Department.En}, phone {p.Phone}{extension.En})");
    }
}
