namespace CctvRequests.Application.Common;

/// <summary>A code and its text in the caller's language, for a choice on a page.</summary>
public sealed record CodeTextDto(string Code, string Text);
