using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure.Integrations;

/// <summary><c>Integrations:Webhooks:*</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Integrations:Webhooks";

    /// <summary>Comma-separated networks (CIDR) that webhooks may reach although they are private, loopback or link-local: tests and internal systems.</summary>
    public string? AllowedNetworks { get; set; }

    /// <summary>Accept <c>http://</c> addresses (internal systems, tests); HTTPS only otherwise.</summary>
    public bool AllowPlainHttp { get; set; }

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Deliveries in flight at once on one node.</summary>
    public int Concurrency { get; set; } = 16;

    public IReadOnlyList<IPNetwork> Networks() =>
        (AllowedNetworks ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(n => n.Contains('/', StringComparison.Ordinal) ? IPNetwork.Parse(n) : new IPNetwork(IPAddress.Parse(n), IPAddress.Parse(n).AddressFamily == AddressFamily.InterNetwork ? 32 : 128))
        .ToList();
}

/// <summary>
/// The SSRF guard (ADR 0018): an address is refused when it is loopback, private, link-local (the cloud metadata
/// service 169.254.169.254 among them), carrier-grade NAT, unique-local, multicast or unspecified, unless the
/// allow-list names its network. <see cref="ConnectAsync"/> resolves the host and connects only to an address that
/// passes, so a name that resolves differently at delivery than at registration is checked again.
/// </summary>
public sealed class WebhookTargets(IOptionsMonitor<WebhookOptions> options, IDataProtectionProvider protection) : IWebhookTargets
{
    private static readonly IPNetwork[] Forbidden =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/127"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"), IPNetwork.Parse("64:ff9b::/96"),
    ];

    public static readonly Text Refused = new(
        "ที่อยู่นี้ชี้ไปยังเครือข่ายภายใน (private, loopback, link-local หรือ metadata) ซึ่งไม่อนุญาตให้ส่ง webhook",
        "This address resolves to an internal network (private, loopback, link-local or metadata), where webhooks are not sent.");

    public static readonly Text NotFound = new("ไม่พบชื่อโฮสต์นี้ใน DNS", "This host name does not resolve.");

    private readonly IDataProtector _secrets = protection.CreateProtector("CctvRequests.Webhooks.Secret.v1");

    public bool AllowsPlainHttp => options.CurrentValue.AllowPlainHttp;

    public bool IsAllowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return !Forbidden.Any(n => n.Contains(address)) || options.CurrentValue.Networks().Any(n => n.Contains(address));
    }

    public async Task<Text?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            var addresses = await ResolveAsync(url.IdnHost, cancellationToken);
            return addresses.Length == 0 ? NotFound : addresses.All(IsAllowed) ? null : Refused;
        }
        catch (SocketException)
        {
            return NotFound;
        }
    }

    public (string Secret, string Protected) NewSecret()
    {
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return (secret, _secrets.Protect(secret));
    }

    public string Unprotect(string protectedSecret) => _secrets.Unprotect(protectedSecret);

    /// <summary>The connection of every delivery: to an address of the host that passes the guard, or none at all.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        if (addresses.Length == 0 || !addresses.All(IsAllowed))
        {
            throw new WebhookTargetRefusedException(Refused.En);
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
}

public sealed class WebhookTargetRefusedException(string message) : IOException(message);
