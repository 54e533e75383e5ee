namespace CctvRequests.Application.Requests.Submit;

/// <summary>The file fields of the multipart contract.</summary>
public static class SubmissionFields
{
    public const string IdCardCopy = "idCardCopy";
    public const string PoliceReport = "policeReport";
    public const string OtherDocuments = "otherDocuments";
    public const string Signature = "signature";

    public static readonly IReadOnlySet<string> Files = new HashSet<string>(StringComparer.Ordinal)
    {
        IdCardCopy, PoliceReport, OtherDocuments, Signature,
    };
}
