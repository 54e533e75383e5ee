using System.Net.Sockets;
using System.Runtime.CompilerServices;
using CctvRequests.Application.Notifications;
using CctvRequests.Infrastructure.Links;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace CctvRequests.Infrastructure.Notifications;

/// <summary>
/// E-mail over SMTP with MailKit: one connection per batch, each message's answer handed back as it comes, plain text and HTML, the outbox id as the
/// Message-ID (a repeat after a crash is recognisably the same message), <c>List-Unsubscribe</c> with
/// one-click POST (RFC 8058), <c>Auto-Submitted: auto-generated</c>. A relay signs DKIM. 5xx answers
/// about the message or its recipient are final; anything else is tried again.
/// </summary>
public sealed class SmtpEmailSender(IOptions<NotificationOptions> options, IOptions<AppOptions> app) : IMessageSender
{
    private NotificationOptions.EmailOptions Settings => options.Value.Email;

    public MessageChannel Channel => MessageChannel.Email;

    public bool Configured => Settings.Configured;

    public async IAsyncEnumerable<SendResult> SendAsync(IReadOnlyList<ClaimedMessage> batch, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = Settings.TimeoutSeconds * 1000 };
        if (await ConnectAsync(client, cancellationToken) is { } unreachable)
        {
            foreach (var message in batch)
            {
                yield return SendResult.Retry(message.Id, unreachable);
            }
            yield break;
        }
        foreach (var message in batch)
        {
            yield return client.IsConnected ? await SendOneAsync(client, message, cancellationToken) : SendResult.Retry(message.Id, "SMTP connection lost");
        }
        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
            {
                // Every message of the batch has its answer already.
            }
        }
    }

    /// <summary>
    /// Connects (and signs in); answers why not when it cannot. The socket is ours, with Nagle's algorithm off: SMTP
    /// is a write then a wait for the answer, and MailKit writes a message's end apart from its body, which Nagle holds
    /// until the server's delayed ACK (40 ms on Linux): 20 messages a second on one connection instead of hundreds.
    /// </summary>
    private async Task<string?> ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connecting.CancelAfter(TimeSpan.FromSeconds(Settings.TimeoutSeconds));
                await socket.ConnectAsync(Settings.Host!, Settings.Port, connecting.Token);
            }
            var security = !Settings.UseTls ? SecureSocketOptions.None : Settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(socket, Settings.Host!, Settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(Settings.User))
            {
                await client.AuthenticateAsync(Settings.User, Settings.Password ?? string.Empty, cancellationToken);
            }
            return null;
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException or AuthenticationException
                                       or SslHandshakeException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            return $"SMTP {Settings.Host}:{Settings.Port} not reachable: {ex.GetType().Name}: {ex.Message}";
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<SendResult> SendOneAsync(SmtpClient client, ClaimedMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendAsync(Build(message), cancellationToken);
            return SendResult.Ok(message.Id);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500 && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            return SendResult.Refused(message.Id, $"SMTP {(int)ex.StatusCode}: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException
                                       or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return SendResult.Retry(message.Id, $"SMTP: {ex.GetType().Name}: {ex.Message}");
        }
        catch (Exception ex) when (ex is ParseException or ArgumentException or FormatException)
        {
            return SendResult.Refused(message.Id, $"not a message SMTP can carry: {ex.GetType().Name}");
        }
    }

    public MimeMessage Build(ClaimedMessage message)
    {
        var mime = new MimeMessage
        {
            MessageId = $"{message.Id:N}@{MessageIdDomain}",
            Subject = message.Subject ?? string.Empty,
            Date = DateTimeOffset.UtcNow,
        };
        mime.From.Add(MailboxAddress.Parse(Settings.From!));
        mime.To.Add(MailboxAddress.Parse(message.Recipient ?? string.Empty));
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Headers.Add(HeaderId.ContentLanguage, message.Language);
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var alternative = new MultipartAlternative { new TextPart(TextFormat.Plain) { Text = message.Body ?? string.Empty } };
        if (message.HtmlBody is { } html)
        {
            alternative.Add(new TextPart(TextFormat.Html) { Text = html });
        }
        mime.Body = alternative;
        return mime;
    }

    private string MessageIdDomain => Uri.TryCreate(app.Value.PublicBaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "cctv-requests.invalid";
}
