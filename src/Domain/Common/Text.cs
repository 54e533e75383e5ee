namespace CctvRequests.Domain.Common;

/// <summary>
/// Text the system shows people, always in both of its languages, Thai first. Every message,
/// label and name that leaves the system is one of these; the caller picks the language at the
/// edge (<see cref="In"/>), never by translating a Thai string.
/// </summary>
public sealed record Text(string Th, string En)
{
    public const string Thai = "th";
    public const string English = "en";

    /// <summary>The text in <paramref name="language"/> (<c>en</c>, else Thai).</summary>
    public string In(string language) => language == English ? En : Th;

    public override string ToString() => Th;
}
