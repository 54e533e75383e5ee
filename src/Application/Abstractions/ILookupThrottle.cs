using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Abstractions;

/// <summary>
/// Limits status lookups by national ID, per client address and per ID, so the lookup cannot be
/// used to probe who has filed a request. Throws <see cref="Common.TooManyRequestsException"/>.
/// </summary>
public interface ILookupThrottle
{
    void ForClient(string clientAddress);

    void ForNationalId(NationalId nationalId);
}
