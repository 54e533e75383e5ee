using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using CctvRequests.Application.Notifications;
using CctvRequests.Domain.Common;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure.Notifications;

/// <summary>
/// SMS through an HTTP gateway (<see cref="NotificationOptions.SmsOptions"/>): a POST per message, the outbox id
/// as the reference where the template asks for it. 400 and 422 are final (the gateway refuses that message);
/// anything else that is not a success is tried again. At most 1 KB of the gateway's answer is kept.
/// </summary>
public sealed class HttpSmsSender(IHttpClientFactory clients, IOptions<NotificationOptions> options) : IMessageSender
{
    public const string ClientName = "sms-gateway";
    public const int KeptAnswer = 1024;

    private NotificationOptions.SmsOptions Settings => options.Value.Sms;

    public MessageChannel Channel => MessageChannel.Sms;

    public bool Configured => Settings.Configured;

    public async IAsyncEnumerable<SendResult> SendAsync(IReadOnlyList<ClaimedMessage> batch, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var http = clients.CreateClient(ClientName);
        foreach (var message in batch)
        {
            yield return await SendOneAsync(http, message, cancellationToken);
        }
    }

    private async Task<SendResult> SendOneAsync(HttpClient http, ClaimedMessage message, CancellationToken cancellationToken)
    {
        if (message.Recipient is null || !ThaiPhoneNumber.TryParse(message.Recipient, out var phone) || !phone.IsMobile)
        {
            return SendResult.Refused(message.Id, "not a Thai mobile number");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, Settings.Url) { Content = Content(message, To(phone)) };
        foreach (var (name, value) in Settings.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(Settings.TimeoutSeconds));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var answer = await ReadSomeAsync(response, timeout.Token);
            if (response.IsSuccessStatusCode && (Settings.SuccessBodyContains is not { Length: > 0 } expected || answer.Contains(expected, StringComparison.Ordinal)))
            {
                return SendResult.Ok(message.Id);
            }
            var error = $"gateway {(int)response.StatusCode}: {answer}";
            return response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity
                ? SendResult.Refused(message.Id, error)
                : SendResult.Retry(message.Id, error);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return SendResult.Retry(message.Id, $"gateway not reachable: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private HttpContent Content(ClaimedMessage message, string to)
    {
        var json = Settings.Format != "form";
        string Escape(string value) => json ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(value) : Uri.EscapeDataString(value);
        var body = Settings.Template
            .Replace("{to}", Escape(to), StringComparison.Ordinal)
            .Replace("{message}", Escape(message.Body ?? string.Empty), StringComparison.Ordinal)
            .Replace("{sender}", Escape(Settings.Sender ?? string.Empty), StringComparison.Ordinal)
            .Replace("{id}", Escape(message.Id.ToString("N")), StringComparison.Ordinal);
        return new StringContent(body, Encoding.UTF8, json ? "application/json" : "application/x-www-form-urlencoded");
    }

    /// <summary>The number as the gateway wants it: 66812345678, +66812345678 or 0812345678.</summary>
    private string To(ThaiPhoneNumber phone)
    {
        var subscriber = phone.E164[3..];
        return Settings.PhoneFormat switch
        {
            "+66" => "+66" + subscriber,
            "0" => "0" + subscriber,
            _ => "66" + subscriber,
        };
    }

    private static async Task<string> ReadSomeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[KeptAnswer];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
