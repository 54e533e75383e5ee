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

    /// <summary>Every validator of a type (one built once, one per request), their failures as one 400.</summary>
    public static Task ValidateAllAndThrowAsync<T>(this IEnumerable<IValidator<T>> validators, T value, CancellationToken cancellationToken)
        where T : notnull =>
        validators.Cast<IValidator>().ValidateAllAndThrowAsync(value, cancellationToken);

    /// <summary>The same, for a value whose type is known only at run time (an endpoint's form).</summary>
    public static async Task ValidateAllAndThrowAsync(this IEnumerable<IValidator> validators, object value, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        foreach (var validator in validators)
        {
            failures.AddRange((await validator.ValidateAsync(new ValidationContext<object>(value), cancellationToken)).Errors);
        }
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }
}
