using System.Security.Cryptography;
using System.Text;
using CctvRequests.Application.Files;

namespace CctvRequests.Application.Requests.Submit;

/// <summary>
/// The citizen's form exactly as it arrived: text values by field name, and the files already
/// staged. <see cref="SubmittedFormValidator"/> checks it; <see cref="SubmittedFormMapping"/>
/// then turns it into a typed <see cref="SubmitRequestCommand"/>, once.
/// </summary>
public sealed class SubmittedForm(IReadOnlyDictionary<string, string> values, IReadOnlyList<StagedFile> files, string? idempotencyKey)
{
    public string? IdempotencyKey { get; } = idempotencyKey;

    public IReadOnlyList<StagedFile> Files { get; } = files;

    /// <summary>The value as typed, or null when the field was not sent.</summary>
    public string? this[FormField field] => values.GetValueOrDefault(field.Name);

    public bool Has(FormField field) => !string.IsNullOrWhiteSpace(this[field]);

    public IReadOnlyList<StagedFile> FilesOf(FormField field) => Files.Where(f => f.Field == field.Name).ToList();

    public StagedFile? FileOf(FormField field) => Files.FirstOrDefault(f => f.Field == field.Name);

    /// <summary>SHA-256 over every field of the table and every file's hash: one key reused for another payload is refused.</summary>
    public string Fingerprint()
    {
        var sb = new StringBuilder();
        foreach (var field in SubmissionFields.All)
        {
            sb.Append(field.Name).Append('=');
            if (field.IsFile)
            {
                sb.AppendJoin(',', FilesOf(field).Select(f => f.Sha256));
            }
            else
            {
                sb.Append(this[field]?.Trim());
            }
            sb.Append('\u001F');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>Never print the values: they hold an identity document and a phone number.</summary>
    public override string ToString() => nameof(SubmittedForm);
}
