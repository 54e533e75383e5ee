namespace CctvRequests.Domain.Common;

/// <summary>Invariant checks the aggregate repeats after the validator, so no path can store bad data.</summary>
internal static class Guard
{
    public static string Text(string? value, string field, int min, int max)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length < min || trimmed.Length > max)
        {
            throw new DomainException(
                $"{field}.length",
                $"{field} must be {min} to {max} characters.",
                $"{field} ต้องมีความยาว {min} ถึง {max} ตัวอักษร");
        }
        return trimmed;
    }
}
