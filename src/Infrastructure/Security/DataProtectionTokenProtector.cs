using CctvRequests.Application.Abstractions;
using Microsoft.AspNetCore.DataProtection;

namespace CctvRequests.Infrastructure.Security;

public sealed class DataProtectionTokenProtector(IDataProtectionProvider provider) : ITokenProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("CctvRequests.StatusToken.Replay.v1");

    public string Protect(string token) => _protector.Protect(token);

    public string Unprotect(string protectedToken) => _protector.Unprotect(protectedToken);
}
