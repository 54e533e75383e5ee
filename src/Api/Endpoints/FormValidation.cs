using CctvRequests.Application.Common;
using FluentValidation;

namespace CctvRequests.Api.Endpoints;

/// <summary>
/// ADR 0007's one place for raw input: every argument of an endpoint whose type has validators (a
/// form as it came: a JSON body, or query-string filters bound with <c>[AsParameters]</c>) is
/// validated before the endpoint runs, its failures one 400 naming each field. The endpoint then
/// only maps the form to its typed message (<c>ToCommand()</c>, <c>ToQuery()</c>); messages with
/// validators of their own are checked by the pipeline's ValidationBehavior.
/// </summary>
public static class FormValidation
{
    public static TBuilder ValidatesForms<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) =>
        {
            var registered = context.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
            var forms = context.MethodInfo.GetParameters()
                .Select((parameter, index) => (Index: index, Validator: typeof(IValidator<>).MakeGenericType(parameter.ParameterType)))
                .Where(p => registered.IsService(p.Validator))
                .ToList();
            if (forms.Count == 0)
            {
                return next;
            }
            return async invocation =>
            {
                foreach (var (index, validatorType) in forms)
                {
                    // An optional body left out is not validated: the endpoint's mapping decides what none means.
                    if (invocation.Arguments[index] is { } form)
                    {
                        await invocation.HttpContext.RequestServices.GetServices(validatorType).Cast<IValidator>()
                            .ValidateAllAndThrowAsync(form, invocation.HttpContext.RequestAborted);
                    }
                }
                return await next(invocation);
            };
        });
}
