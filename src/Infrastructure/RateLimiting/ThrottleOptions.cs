using CctvRequests.Application.Abstractions;

namespace CctvRequests.Infrastructure.RateLimiting;

/// <summary><c>RateLimiting:{Policy}:PermitLimit</c> and <c>:WindowMinutes</c>, for each <see cref="ThrottlePolicy"/>.</summary>
public sealed class ThrottleOptions
{
    public const string Section = "RateLimiting";

    public Window Lookup { get; set; } = new(5, 15);

    public Window Submission { get; set; } = new(10, 60);

    public Window SubmissionPerDocument { get; set; } = new(5, 24 * 60);

    public Window Status { get; set; } = new(60, 1);

    /// <summary>A sign-in with a code is two calls (the password, then the code), a passkey two as well: 15 sign-ins in 10 minutes.</summary>
    public Window StaffSignIn { get; set; } = new(30, 10);

    /// <summary>Identity numbers typed to open a request's downloads: 5 in 15 minutes, per client and per request.</summary>
    public Window ClipCheck { get; set; } = new(5, 15);

    /// <summary>The applicant's appointment calls, each with the identity number (a booking is two or three): 20 in 15 minutes, per client and per request.</summary>
    public Window AppointmentCheck { get; set; } = new(20, 15);

    public Window For(ThrottlePolicy policy) => policy switch
    {
        ThrottlePolicy.Lookup => Lookup,
        ThrottlePolicy.Submission => Submission,
        ThrottlePolicy.SubmissionPerDocument => SubmissionPerDocument,
        ThrottlePolicy.StaffSignIn => StaffSignIn,
        ThrottlePolicy.ClipCheck => ClipCheck,
        ThrottlePolicy.AppointmentCheck => AppointmentCheck,
        _ => Status,
    };

    public sealed class Window
    {
        public Window()
        {
        }

        public Window(int permitLimit, int windowMinutes)
        {
            PermitLimit = permitLimit;
            WindowMinutes = windowMinutes;
        }

        public int PermitLimit { get; set; }

        public int WindowMinutes { get; set; }
    }
}
