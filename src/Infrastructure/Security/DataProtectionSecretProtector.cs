using CctvRequests.Application.Abstractions;
using Microsoft.AspNetCore.DataProtection;

namespace CctvRequests.Infrastructure.Security;

public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("CctvRequests.Idempotency.Answer.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
}
