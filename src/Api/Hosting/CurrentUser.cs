using System.Security.Claims;
using CctvRequests.Application.Abstractions;
using CctvRequests.Infrastructure.Identity;

namespace CctvRequests.Api.Hosting;

/// <summary>The staff member of the current HTTP request, from the session cookie's claims.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? Email => Principal?.FindFirstValue(ClaimTypes.Email) ?? Principal?.FindFirstValue(ClaimTypes.Name);

    public string? Name => Principal?.FindFirstValue(StaffClaims.Name);

    public string ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;

    public string? ApiClientId => Principal is { } user && Integrations.ApiClientAuthentication.IsClient(user)
        ? user.FindFirstValue(Integrations.ApiClientAuthentication.ClientIdClaim)
        : null;
}
