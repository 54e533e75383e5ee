namespace CctvRequests.Application.Abstractions;

/// <summary>Organization settings that change what a submission must contain.</summary>
public interface ISubmissionSettings
{
    /// <summary><c>Documents:PoliceReportRequired</c>, default true.</summary>
    bool PoliceReportRequired { get; }
}
