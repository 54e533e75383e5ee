using CctvRequests.Domain.Requests;

namespace CctvRequests.Application.Staff.Requests;

/// <summary>A command on one request, named by its reference number.</summary>
public interface IReferencedCommand
{
    ReferenceNumber Reference { get; }
}
