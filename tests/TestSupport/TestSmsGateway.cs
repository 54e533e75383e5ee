using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CctvRequests.TestSupport;

/// <summary>
/// A stand-in for a Thai HTTP SMS gateway (the only part of the notifications that cannot run here), on a
/// real Kestrel socket. It checks every request as a provider would: POST, JSON, the credentials header, a
/// number written 66XXXXXXXXX of a Thai mobile, a message of at most two UCS-2 segments (134 UTF-16 units)
/// or, when it is all GSM-7, 306 characters; a request that breaks a rule is answered 400 and listed in
/// <see cref="Violations"/>. It can be told to fail (<see cref="FailWith"/>).
/// </summary>
public sealed partial class TestSmsGateway : IAsyncDisposable
{
    public const string Credentials = "Bearer test-sms-credentials";
    private readonly WebApplication _app;

    private TestSmsGateway(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    public ConcurrentQueue<Sms> Received { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Set to answer every request with this status (e.g. 503) instead of accepting it.</summary>
    public int? FailWith { get; set; }

    public sealed record Sms(string To, string Message, string Sender, string Reference);

    /// <summary>The settings that point the API at this gateway.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Notifications:Sms:Url"] = Url,
        ["Notifications:Sms:Headers:Authorization"] = Credentials,
        ["Notifications:Sms:Sender"] = "CCTV",
        ["Notifications:Sms:SuccessBodyContains"] = "\"status\":\"accepted\"",
    };

    public static async Task<TestSmsGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new TestSmsGateway(app);
        app.MapPost("/send", (Delegate)gateway.HandleAsync);
        await app.StartAsync();
        gateway.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/send";
        return gateway;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var problems = new List<string>();
        if (context.Request.Headers.Authorization != Credentials)
        {
            problems.Add("wrong or missing credentials");
        }
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            problems.Add($"content type {context.Request.ContentType}");
        }
        JsonElement body;
        try
        {
            body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement;
        }
        catch (JsonException ex)
        {
            Violations.Enqueue("not JSON: " + ex.Message);
            return Results.BadRequest(new { status = "error", error = "not JSON" });
        }
        string Field(string name) => body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
        var sms = new Sms(Field("to"), Field("message"), Field("sender"), Field("reference"));
        if (!ThaiMobile().IsMatch(sms.To))
        {
            problems.Add($"not a Thai mobile number in the 66 form: {sms.To.Length} characters");
        }
        if (sms.Message.Length == 0 || sms.Message.Length > (IsGsm(sms.Message) ? 306 : 134))
        {
            problems.Add($"message of {sms.Message.Length} characters");
        }
        if (sms.Sender.Length == 0 || sms.Reference.Length != 32)
        {
            problems.Add("sender or reference missing");
        }
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                Violations.Enqueue(problem);
            }
            return Results.BadRequest(new { status = "error", error = string.Join("; ", problems) });
        }
        if (FailWith is { } status)
        {
            return Results.Json(new { status = "error", error = "gateway busy" }, statusCode: status);
        }
        Received.Enqueue(sms);
        return Results.Json(new { status = "accepted", id = Guid.NewGuid() });
    }

    private static bool IsGsm(string text) => text.All(c => c is >= ' ' and <= '~' or '\n' or '\r');

    [GeneratedRegex("^66[689][0-9]{8}$")]
    private static partial Regex ThaiMobile();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
