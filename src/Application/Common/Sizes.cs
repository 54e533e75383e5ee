using System.Globalization;

namespace CctvRequests.Application.Common;

public static class Sizes
{
    /// <summary>A limit in bytes as people read it: <c>10 MB</c>.</summary>
    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB");
}
