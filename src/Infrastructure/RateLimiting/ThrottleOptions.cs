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

    public Window For(ThrottlePolicy policy) => policy switch
    {
        ThrottlePolicy.Lookup => Lookup,
        ThrottlePolicy.Submission => Submission,
        ThrottlePolicy.SubmissionPerDocument => SubmissionPerDocument,
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
