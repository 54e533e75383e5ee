using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Application.Requests.Submit;
using CctvRequests.Domain.Common;

namespace CctvRequests.Api.Endpoints;

/// <summary>
/// What the reader took from one multipart body: the text values and the staged files. Disposing
/// it deletes whatever is still staged; files the command promoted have moved away by then.
/// </summary>
public sealed class StagedUpload(IFileStore store, string? idempotencyKey) : IAsyncDisposable
{
    private static readonly Text SentTwice = new("ส่งข้อมูลช่องนี้ซ้ำ", "This field was sent more than once.");

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly List<StagedFile> _files = [];

    /// <summary>The bytes received for files, as sent (a re-encoded image may come out larger or smaller).</summary>
    public long TotalBytes { get; private set; }

    public SubmittedForm Form => new(_values, _files, idempotencyKey);

    public int CountOf(FormField field) => _files.Count(f => f.Field == field.Name);

    public void SetValue(FormField field, string value)
    {
        if (!_values.TryAdd(field.Name, value))
        {
            throw ValidationMessages.Invalid(field.Name, SentTwice);
        }
    }

    public void Add(StagedFile file)
    {
        _files.Add(file);
        TotalBytes += file.SizeBytes;
    }

    public void Replace(StagedFile file, StagedFile with) => _files[_files.IndexOf(file)] = with;

    public async ValueTask DisposeAsync()
    {
        foreach (var file in _files)
        {
            await store.DeleteStagedAsync(file);
        }
        _files.Clear();
    }
}
