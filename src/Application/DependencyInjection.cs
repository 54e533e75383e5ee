using CctvRequests.Application.Audit;
using CctvRequests.Application.Files;
using CctvRequests.Application.Staff;
using CctvRequests.Application.Idempotency;
using CctvRequests.Application.Requests.Submit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Application;

public static class DependencyInjection
{
    /// <summary>Validators and per-request helpers of this assembly. The mediator itself is wired by the API, where its source generator runs.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Each rule stops at its first failure: one message per field.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<PromotedFiles>();
        services.AddScoped<IdempotencyOutcome>();
        services.AddScoped<SubmissionAnswers>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton(StaffMappings.Create());
        return services;
    }
}
