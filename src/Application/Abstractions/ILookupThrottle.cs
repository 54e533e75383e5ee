using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Abstractions;

/// <summary>
/// Limits status lookups per client address and per identity document, so the lookup cannot be
/// used to probe who has filed a request. Throws <see cref="Common.TooManyRequestsException"/>.
/// </summary>
public interface ILookupThrottle
{
    void ForClient(string clientAddress);

    void ForDocument(IdentityDocument document);
}
