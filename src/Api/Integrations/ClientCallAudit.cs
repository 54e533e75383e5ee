using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;

namespace CctvRequests.Api.Integrations;

/// <summary>
/// Audits an API client's successful call of an endpoint that staff use unaudited (statistics): every client call
/// is in the audit log under the client's name (ADR 0018). Calls whose query is audited already need no filter.
/// </summary>
public sealed class ClientCallAudit(AuditAction action) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (ApiClientAuthentication.IsClient(http.User))
        {
            http.RequestServices.GetRequiredService<AuditTrail>().Record(action, details: http.Request.QueryString.Value);
            await http.RequestServices.GetRequiredService<IAppDbContext>().SaveChangesAsync(http.RequestAborted);
        }
        return result;
    }
}
