using System.Globalization;
using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Common;

/// <summary>
/// The caller's language: Thai by default, English when the request's UI culture is English (set
/// from <c>Accept-Language</c> by the API's request localization).
/// </summary>
public static class Lang
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Text.English;

    public static string Code => IsEnglish ? Text.English : Text.Thai;

    /// <summary>The text in the caller's language.</summary>
    public static string Of(Text text) => text.In(Code);
}
