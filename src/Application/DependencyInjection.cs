using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Application.Idempotency;
using CctvRequests.Application.Requests.Submit;
using CctvRequests.Application.Staff;
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
        // Building a validator compiles its rules: those that need no database are built once (singletons);
        // only the few that read the database are built per request.
        foreach (var found in AssemblyScanner.FindValidatorsInAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true))
        {
            var lifetime = ReadsTheDatabase(found.ValidatorType) ? ServiceLifetime.Scoped : ServiceLifetime.Singleton;
            services.Add(new ServiceDescriptor(found.InterfaceType, found.ValidatorType, lifetime));
        }
        services.AddScoped<PromotedFiles>();
        services.AddSingleton<ReferenceData>();
        services.AddSingleton<IReferenceDataListener>(sp => sp.GetRequiredService<ReferenceData>());
        services.AddScoped<IdempotencyOutcome>();
        services.AddScoped<SubmissionAnswers>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<Notifications.CitizenNotifier>();
        services.AddScoped<Appointments.AppointmentSchedule>();
        services.AddScoped<Appointments.StaffAppointmentRows>();
        services.AddSingleton(StaffMappings.Create());
        return services;
    }

    private static bool ReadsTheDatabase(Type validator) =>
        validator.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IAppDbContext)));
}
