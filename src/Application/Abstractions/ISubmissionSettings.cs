namespace CctvRequests.Application.Abstractions;

/// <summary>Organization settings that change what a submission must contain.</summary>
public interface ISubmissionSettings
{
    /// <summary><c>Documents:PoliceReportRequired</c>, default true.</summary>
    bool PoliceReportRequired { get; }

    /// <summary>The installation sends e-mail (<c>Notifications:Email:Host</c> and <c>:From</c> set): the form offers an address field.</summary>
    bool EmailNotifications { get; }

    /// <summary>The installation sends SMS (<c>Notifications:Sms:Url</c> set): the form offers the SMS tick.</summary>
    bool SmsNotifications { get; }
}
