namespace CctvRequests.Infrastructure.Notifications;

/// <summary><c>Notifications:Email:*</c>, <c>Notifications:Sms:*</c> and <c>Notifications:Outbox:*</c>. A channel without its address is off.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public EmailOptions Email { get; set; } = new();

    public SmsOptions Sms { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();

    /// <summary>An SMTP relay (the organization's, or a provider's that signs DKIM).</summary>
    public sealed class EmailOptions
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        /// <summary>true: TLS required (implicit on port 465, STARTTLS otherwise); false: plain SMTP (a relay on the same host or network).</summary>
        public bool UseTls { get; set; } = true;

        public string? User { get; set; }

        public string? Password { get; set; }

        /// <summary>The sender, e.g. <c>อบจ.ลำปาง &lt;cctv@lampang.go.th&gt;</c>.</summary>
        public string? From { get; set; }

        public int TimeoutSeconds { get; set; } = 30;

        public bool Configured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
    }

    /// <summary>
    /// An HTTP SMS gateway of the kind Thai providers offer: one request per message to <see cref="Url"/>, its body
    /// built from <see cref="BodyTemplate"/> (<c>{to}</c>, <c>{message}</c>, <c>{sender}</c>, <c>{id}</c> replaced, escaped
    /// for the <see cref="Format"/>), credentials in <see cref="Headers"/>; success is a 2xx answer (whose body contains
    /// <see cref="SuccessBodyContains"/> when set).
    /// </summary>
    public sealed class SmsOptions
    {
        public string? Url { get; set; }

        /// <summary><c>json</c> or <c>form</c> (application/x-www-form-urlencoded).</summary>
        public string Format { get; set; } = "json";

        public string? BodyTemplate { get; set; }

        /// <summary>Headers sent with every request, e.g. <c>Notifications__Sms__Headers__Authorization=Basic ...</c>.</summary>
        public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The sender name registered with the provider.</summary>
        public string? Sender { get; set; }

        /// <summary>How the number is written: <c>66</c> (668XXXXXXXX), <c>+66</c> (+668XXXXXXXX) or <c>0</c> (08XXXXXXXX).</summary>
        public string PhoneFormat { get; set; } = "66";

        public string? SuccessBodyContains { get; set; }

        public int TimeoutSeconds { get; set; } = 10;

        public bool Configured => Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

        public string Template => !string.IsNullOrWhiteSpace(BodyTemplate) ? BodyTemplate
            : Format == "form" ? "to={to}&message={message}&sender={sender}" : "{\"to\":\"{to}\",\"message\":\"{message}\",\"sender\":\"{sender}\",\"reference\":\"{id}\"}";
    }

    public sealed class OutboxOptions
    {
        /// <summary>Messages one dispatcher claims at a time; no row lock is held longer than the claim itself.</summary>
        public int BatchSize { get; set; } = 50;

        /// <summary>How long a claimed message stays with its dispatcher before another may take it (a node that died).</summary>
        public int LeaseSeconds { get; set; } = 120;

        /// <summary>Looks for due messages this often even without a notice (retries fall due without one).</summary>
        public int PollSeconds { get; set; } = 5;

        /// <summary>false: no dispatcher on this node (a node that only serves pages).</summary>
        public bool Enabled { get; set; } = true;
    }
}
