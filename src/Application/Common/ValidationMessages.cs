using FluentValidation;

namespace CctvRequests.Application.Common;

public static class ValidationMessages
{
    /// <summary>The rule's message in Thai, or in English when the caller prefers English.</summary>
    public static IRuleBuilderOptions<T, TProperty> Says<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string thai, string english) =>
        rule.WithMessage(_ => Lang.Pick(thai, english));
}
