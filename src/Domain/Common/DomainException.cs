namespace CctvRequests.Domain.Common;

/// <summary>
/// A business rule was broken (an illegal status change, an invariant of the aggregate).
/// Carries a stable code and its message in Thai and English, so the API can answer in the
/// caller's language without guessing.
/// </summary>
public class DomainException(string code, Text message) : Exception(message.En)
{
    public string Code { get; } = code;

    public Text Text { get; } = message;
}
