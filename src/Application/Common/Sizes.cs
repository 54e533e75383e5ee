using System.Globalization;

namespace CctvRequests.Application.Common;

public static class Sizes
{
    /// <summary>A limit in bytes as people read it: <c>10 MB</c>.</summary>
    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB");

    /// <summary>A limit in GB when it is one (<c>4 GB</c>), else in MB.</summary>
    public static string Describe(long bytes) => bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024L * 1024 * 1024)} GB")
        : Megabytes(bytes);
}
