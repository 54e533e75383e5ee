using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Application;

public static class DependencyInjection
{
    /// <summary>Validators of this assembly. The mediator itself is wired by the API, where its source generator runs.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        return services;
    }
}
