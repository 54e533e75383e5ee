using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Requests;

/// <summary>An officer's internal note on a request; never shown to the citizen, never edited.</summary>
public sealed class RequestNote
{
    public const int TextMax = 2000;

    private RequestNote()
    {
        AuthorId = AuthorName = Text = string.Empty;
    }

    public Guid Id { get; private set; }
    public string AuthorId { get; private set; }
    public string AuthorName { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Text { get; private set; }

    /// <summary>Erasure: a note about the request may name the person; who wrote it and when stay.</summary>
    internal void ErasePersonalData() => Text = string.Empty;

    internal static RequestNote Create(Actor author, DateTimeOffset at, string text) => new()
    {
        Id = Guid.CreateVersion7(at),
        AuthorId = Guard.Text(author.Id, "author", 1, Actor.IdMax),
        AuthorName = Guard.Text(author.Name, "authorName", 1, Actor.NameMax),
        At = at.ToUniversalTime(),
        Text = Guard.Text(text, "text", 1, TextMax),
    };
}

/// <summary>
/// SPEC §8.11: an officer's record that the footage of the incident was exported or locked at the
/// station, so the overwrite clock no longer threatens it.
/// </summary>
public sealed class FootagePreservation
{
    public const int NoteMax = 1000;

    private FootagePreservation()
    {
        RecordedById = RecordedByName = Note = string.Empty;
    }

    public Guid Id { get; private set; }
    public string RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>How and where: "exported 3 clips to the evidence drive", "locked on NVR 2".</summary>
    public string Note { get; private set; }

    internal void ErasePersonalData() => Note = string.Empty;

    internal static FootagePreservation Create(Actor by, DateTimeOffset at, string note) => new()
    {
        Id = Guid.CreateVersion7(at),
        RecordedById = Guard.Text(by.Id, "recordedBy", 1, Actor.IdMax),
        RecordedByName = Guard.Text(by.Name, "recordedByName", 1, Actor.NameMax),
        At = at.ToUniversalTime(),
        Note = Guard.Text(note, "note", 1, NoteMax),
    };
}
