using System.Reflection;
using NetArchTest.Rules;

namespace CctvRequests.Architecture.Tests;

/// <summary>References point inwards: Api → Infrastructure → Application → Domain, never back.</summary>
public class LayerTests
{
    private static readonly Assembly Domain = typeof(CctvRequests.Domain.Requests.FootageRequest).Assembly;
    private static readonly Assembly Application = typeof(CctvRequests.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(CctvRequests.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

    [Fact]
    public void Domain_DependsOnNoOtherLayerAndNoFramework() =>
        AssertNoDependency(Domain,
            "CctvRequests.Application", "CctvRequests.Infrastructure", "CctvRequests.Api",
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "FluentValidation", "Mediator");

    [Fact]
    public void Domain_ReferencesNoAssemblyOfTheProjectOrOfEfOrAspNet()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("CctvRequests.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Application_DependsOnlyOnTheDomain()
    {
        AssertNoDependency(Application, "CctvRequests.Infrastructure", "CctvRequests.Api", "Microsoft.AspNetCore", "Npgsql");
        var projects = Application.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("CctvRequests.", StringComparison.Ordinal));
        Assert.Equal(["CctvRequests.Domain"], projects);
    }

    [Fact]
    public void Infrastructure_DoesNotDependOnTheApi() => AssertNoDependency(Infrastructure, "CctvRequests.Api");

    [Fact]
    public void TheRuleCanFail_TheApiDoesDependOnInfrastructure()
    {
        // A positive control: if the checker saw no dependencies at all, the rules above would pass vacuously.
        var result = Types.InAssembly(Api).ShouldNot().HaveDependencyOn("CctvRequests.Infrastructure").GetResult();
        Assert.False(result.IsSuccessful);
    }

    [Fact]
    public void DomainTypes_HaveNoPublicSetters()
    {
        var leaks = Domain.GetTypes()
            .Where(t => t.IsClass && t.IsPublic)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            // init-only accessors (immutable records such as Text) cannot change an object after it is made.
            .Where(p => p.SetMethod is { IsPublic: true } setter
                        && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();
        Assert.Empty(leaks);
    }

    private static void AssertNoDependency(Assembly assembly, params string[] forbidden)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, "Wrong-way dependencies in: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
