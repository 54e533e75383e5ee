using CctvRequests.Domain.Common;
using FluentValidation;
using FluentValidation.Results;

namespace CctvRequests.Application.Common;

public static class ValidationMessages
{
    /// <summary>The rule's message in the caller's language.</summary>
    public static IRuleBuilderOptions<T, TProperty> Says<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Text message) =>
        rule.WithMessage(_ => Lang.Of(message));

    /// <summary>A 400 naming one field, for checks made outside a validator (e.g. while a body is read).</summary>
    public static ValidationException Invalid(string field, Text message) =>
        new([new ValidationFailure(field, Lang.Of(message))]);
}
