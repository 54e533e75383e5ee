using System.Security.Cryptography;
using System.Text;
using CctvRequests.Application.Files;
using Mediator;

namespace CctvRequests.Application.Requests.Submit;

/// <summary>
/// A citizen's form as it arrived: text fields exactly as typed (the validator turns them into
/// per-field messages) and the files already staged. Property names are the contract's field
/// names, so errors are keyed by what the form sent.
/// </summary>
public sealed record SubmitRequestCommand : ICommand<SubmitRequestResult>
{
    public string? WrittenOn { get; init; }
    public string? Title { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? NationalId { get; init; }
    public string? Age { get; init; }
    public string? Ethnicity { get; init; }
    public string? Nationality { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Purpose { get; init; }
    public string? FileCount { get; init; }
    public string? StationId { get; init; }
    public string? IncidentDate { get; init; }
    public string? IncidentTime { get; init; }
    public string? Reason { get; init; }
    public string? PrivacyAccepted { get; init; }
    public string? PrivacyNoticeVersion { get; init; }

    public StagedFile? IdCardCopy { get; init; }
    public StagedFile? PoliceReport { get; init; }
    public IReadOnlyList<StagedFile> OtherDocuments { get; init; } = [];
    public StagedFile? Signature { get; init; }

    /// <summary>From the <c>Idempotency-Key</c> header; null when the client sent none.</summary>
    public string? IdempotencyKey { get; init; }

    public IEnumerable<StagedFile> AllFiles =>
        new[] { IdCardCopy, PoliceReport, Signature }.OfType<StagedFile>().Concat(OtherDocuments);

    /// <summary>SHA-256 over every field and every file's hash: the same key with another payload is refused.</summary>
    public string Fingerprint()
    {
        var sb = new StringBuilder();
        foreach (var value in new[]
                 {
                     WrittenOn, Title, FirstName, LastName, NationalId, Age, Ethnicity, Nationality, Address, Phone,
                     Purpose, FileCount, StationId, IncidentDate, IncidentTime, Reason, PrivacyAccepted, PrivacyNoticeVersion,
                 })
        {
            sb.Append(value?.Trim()).Append('\u001F');
        }
        foreach (var file in AllFiles)
        {
            sb.Append(file.Field).Append(':').Append(file.Sha256).Append('\u001F');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>Never print the fields: they hold a national ID and a phone number.</summary>
    public override string ToString() => nameof(SubmitRequestCommand);
}

public sealed record SubmitRequestResult(
    string ReferenceNumber,
    string Status,
    string StatusUrl,
    string QrCodePng,
    DateOnly FootageOverwrittenOn,
    IReadOnlyList<SubmissionWarning> Warnings)
{
    /// <summary>True when this is the stored first answer to a repeated <c>Idempotency-Key</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Replayed { get; init; }
}

/// <summary>Something the citizen should know although the request was accepted.</summary>
public sealed record SubmissionWarning(string Code, string Message);
