using System.Globalization;

namespace CctvRequests.Application.Common;

/// <summary>
/// Thai is the default; English when the request's culture is English (set from
/// <c>Accept-Language</c> by the API's request localization).
/// </summary>
public static class Lang
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Code => IsEnglish ? "en" : "th";

    public static string Pick(string thai, string english) => IsEnglish ? english : thai;
}
