using System.Net;
using CctvRequests.Api.Staff;

namespace CctvRequests.Api.Hosting;

/// <summary>
/// <c>Operations</c>: who may read the operators' endpoints (<c>/healthz/ready</c>, <c>/metrics</c>). In
/// Production only clients whose address is in <c>Networks</c> (CIDR, comma-separated, e.g.
/// <c>10.20.0.0/16,127.0.0.1/32</c>; behind the proxy the address is the one <c>ForwardedHeaders:KnownProxies</c>
/// lets through, so never list the proxy's own address) or a signed-in administrator; everyone else gets 404.
/// Outside Production they are open unless <c>Networks</c> is set.
/// </summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    public string Networks { get; set; } = string.Empty;

    /// <summary>Degraded in /healthz/ready when the oldest message due in the outbox has waited longer.</summary>
    public TimeSpan OutboxLagWarning { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The Prometheus scrape path (empty: none).</summary>
    public string MetricsPath { get; set; } = "/metrics";

    public IReadOnlyList<IPNetwork> ParsedNetworks() =>
        Networks.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(IPNetwork.Parse).ToList();
}

public static class Operators
{
    /// <summary>Operators only: a configured network or an administrator; others are answered 404 as if nothing were there.</summary>
    public static TBuilder RequireOperators<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            await IsOperatorAsync(context.HttpContext) ? await next(context) : Results.NotFound());

    public static async Task<bool> IsOperatorAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<OperationsOptions>>().Value;
        var networks = options.ParsedNetworks();
        if (networks.Count == 0 && !context.RequestServices.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            return true;
        }
        var address = context.Connection.RemoteIpAddress;
        if (address is not null)
        {
            var v4 = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            if (networks.Any(n => n.Contains(v4) || n.Contains(address)))
            {
                return true;
            }
        }
        var authorization = context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationService>();
        return context.User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(context.User, null, StaffPolicies.Admin)).Succeeded;
    }
}
