using System.Globalization;
using CctvRequests.Application.Abstractions;
using Microsoft.AspNetCore.OutputCaching;

namespace CctvRequests.Api.Hosting;

/// <summary>
/// The answers every citizen page asks for and an administrator changes a few times a year
/// (stations, form settings, the privacy notice, the logo), kept in memory per language and served
/// without touching the database. Dropped as soon as a command that changes them commits
/// (<see cref="IChangesReferenceData"/>). The one-minute expiry bounds what no command announces:
/// a privacy notice scheduled for a later time shows at most a minute after it takes effect (the
/// submission accepts any published version and records which one was shown).
/// </summary>
public static class ReferenceCache
{
    public const string Policy = "reference";
    public const string Tag = "reference";

    /// <param name="services">The application's services.</param>
    /// <param name="cacheFiles">
    /// Outside Development, the pages and their scripts and styles (files that change only with a
    /// new release, and so a restart) are answered from memory too, ahead of the file system.
    /// </param>
    public static IServiceCollection AddReferenceCache(this IServiceCollection services, bool cacheFiles)
    {
        services.AddOutputCache(options =>
        {
            // No request collapsing (SetLocking(false)): a collapsed request shares the fate of the first,
            // and a browser that navigates away cancels the first (seen as a 500 on the next page's call).
            options.AddPolicy(Policy, policy => policy
                .SetLocking(false)
                .Expire(TimeSpan.FromMinutes(1))
                .SetVaryByQuery("*")
                // The language the answer was written in, as the localization middleware resolved it (not the raw header).
                .VaryByValue(_ => new KeyValuePair<string, string>("ui", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName))
                .Tag(Tag));
            if (cacheFiles)
            {
                options.AddBasePolicy(policy => policy.With(c => IsFile(c.HttpContext.Request.Path)).SetLocking(false).Expire(TimeSpan.FromMinutes(10)));
            }
        });
        services.AddSingleton<IReferenceDataListener, Eviction>();
        return services;
    }

    /// <summary>A page or a file of the web root: everything but the API, the documentation and the health check.</summary>
    private static bool IsFile(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/swagger") && !path.StartsWithSegments("/healthz");

    public static TBuilder CachedAsReference<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.CacheOutput(Policy);

    private sealed class Eviction(IOutputCacheStore store) : IReferenceDataListener
    {
        public ValueTask ChangedAsync(CancellationToken cancellationToken) => store.EvictByTagAsync(Tag, cancellationToken);
    }
}
