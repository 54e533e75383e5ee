namespace CctvRequests.Application.Common;

/// <summary>Free text that may be left out, as a mapping builds it: trimmed, or null when nothing was typed.</summary>
public static class OptionalText
{
    public static string? Of(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
