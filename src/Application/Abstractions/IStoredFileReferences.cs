namespace CctvRequests.Application.Abstractions;

/// <summary>Whether saved rows point at stored files: asked on a connection of its own, after a commit whose outcome is unknown.</summary>
public interface IStoredFileReferences
{
    Task<bool> AnyReferencedAsync(IReadOnlyCollection<string> storageKeys, CancellationToken cancellationToken);
}
