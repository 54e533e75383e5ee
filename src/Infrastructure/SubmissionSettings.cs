using CctvRequests.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure;

/// <summary><c>Documents:PoliceReportRequired</c> (default true).</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    public bool PoliceReportRequired { get; set; } = true;
}

public sealed class SubmissionSettings(IOptionsMonitor<DocumentOptions> options, IOptionsMonitor<Notifications.NotificationOptions> notifications) : ISubmissionSettings
{
    public bool PoliceReportRequired => options.CurrentValue.PoliceReportRequired;

    public bool EmailNotifications => notifications.CurrentValue.Email.Configured;

    public bool SmsNotifications => notifications.CurrentValue.Sms.Configured;
}
