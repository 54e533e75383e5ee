using System.Globalization;
using CctvRequests.Api.Endpoints;
using CctvRequests.Api.Errors;
using CctvRequests.Api.Hosting;
using CctvRequests.Api.OpenApi;
using CctvRequests.Api.Staff;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application;
using CctvRequests.Application.Behaviors;
using CctvRequests.Application.Common;
using CctvRequests.Application.Idempotency;
using CctvRequests.Application.Requests.Submit;
using CctvRequests.Infrastructure;
using CctvRequests.Infrastructure.Files;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

// A command, --help, or a word that is neither: decided before anything starts (no database needed to say so).
if (CctvRequests.Api.Hosting.Commands.Preflight(args, Console.Out, Console.Error) is { } exitCode)
{
    Environment.ExitCode = exitCode;
    return;
}

var builder = WebApplication.CreateBuilder(args);

// The default run listens on http://localhost:8080; ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS or --urls override it.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
{
    builder.WebHost.UseUrls("http://localhost:8080");
}

builder.Services.AddApplication();
builder.Services.AddScoped<SubmissionFormReader>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, CurrentUser>();
builder.Services.AddScoped<StaffSignIn>();
builder.Services.AddSingleton<ClipSessions>();
builder.Services.AddScoped<CctvRequests.Application.Organization.OrganizationContact>();
builder.Services.AddSingleton<PasswordHashingGate>();
builder.Services.AddSingleton<AnonymousSignInFailures>();
builder.Services.AddHostedService<AnonymousSignInFailureFlush>();
builder.Services.AddStaffAuthentication(builder.Configuration);
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(SubmitRequestCommand)];
    options.PipelineBehaviors =
    [
        typeof(TracingBehavior<,>), typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(ReferenceDataBehavior<,>), typeof(TransactionBehavior<,>), typeof(AuditBehavior<,>),
        typeof(IdempotencyBehavior<,>),
    ];
});

builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddProblemDetails();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    // Only the UI language changes with Accept-Language; formatting stays invariant (th-TH would switch to the Buddhist calendar).
    o.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, new CultureInfo("th"));
    o.SupportedCultures = [CultureInfo.InvariantCulture];
    o.SupportedUICultures = [new CultureInfo("th"), new CultureInfo("en")];
    o.FallBackToParentUICultures = true;
    // ?lang=en first: a download link cannot send Accept-Language, so exports carry the page's language.
    o.RequestCultureProviders =
    [
        new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
        new AcceptLanguageHeaderRequestCultureProvider(),
    ];
});
builder.AddHardening();
builder.AddTelemetry();
// Redaction by design: a log parameter classified [PersonalData] is erased before any provider sees it.
builder.Services.AddRedaction(redaction =>
{
    redaction.SetRedactor<Microsoft.Extensions.Compliance.Redaction.ErasingRedactor>(
        new Microsoft.Extensions.Compliance.Classification.DataClassificationSet(DataTaxonomy.PersonalData));
    redaction.SetFallbackRedactor<Microsoft.Extensions.Compliance.Redaction.ErasingRedactor>();
});
builder.Logging.EnableRedaction();
// /healthz (load balancers): the three below; /healthz/ready (operators): those and Redis, the outbox, the periodic jobs.
builder.Services.AddHealthChecks()
    .AddCheck<DatabaseHealthCheck>("postgresql", timeout: TimeSpan.FromSeconds(3), tags: [Readiness.Live, Readiness.Ready])
    .AddCheck<VirusScannerHealthCheck>("clamav", timeout: TimeSpan.FromSeconds(3), tags: [Readiness.Live, Readiness.Ready])
    .AddCheck<StorageHealthCheck>("storage", timeout: TimeSpan.FromSeconds(3), tags: [Readiness.Live, Readiness.Ready])
    .AddReadinessChecks(builder.Configuration);
builder.Services.AddApiDocumentation();
builder.Services.AddReferenceCache(cacheFiles: !builder.Environment.IsDevelopment());

var app = builder.Build();

var webRoot = WebRoot.Resolve(app.Configuration["Web:Root"], app.Environment.ContentRootPath);
var storageRoot = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Root;
if (Path.GetFullPath(storageRoot).StartsWith(Path.GetFullPath(webRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
{
    throw new InvalidOperationException($"Storage:Root ({storageRoot}) must not lie inside the web root ({webRoot}).");
}

// `backup` and `restore-check`: before anything migrates or seeds (a restore check needs no application database).
if (args.FirstOrDefault() is BackupCommands.Backup or BackupCommands.RestoreCheck)
{
    Environment.ExitCode = await BackupCommands.RunAsync(app.Services, args);
    return;
}

await using (var scope = app.Services.CreateAsyncScope())
{
    var database = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
    if (args.FirstOrDefault() == DatabaseInitializer.MigrateCommand)
    {
        // `migrate`: the schema and the seed as ConnectionStrings:Owner, the grants for the application's role; then exit.
        await database.MigrateAsync(CancellationToken.None);
        app.Logger.Migrated();
        return;
    }
    await database.InitializeAsync(CancellationToken.None);
    // Keys missing or malformed stop the start here, not the first submission with a 500.
    _ = app.Services.GetRequiredService<CctvRequests.Infrastructure.Security.PersonalDataProtector>().CurrentKeyId;
    if (app.Services.GetService<S3FileStore>() is { } bucket)
    {
        await bucket.PrepareAsync(CancellationToken.None);
    }
    if (args.FirstOrDefault() == CreateAdminCommand.Name)
    {
        Environment.ExitCode = await CreateAdminCommand.RunAsync(app.Services, args);
        return;
    }
    if (args is ["retention", "run", ..])
    {
        // `retention run`: one retention run now (the service also runs it every Retention:IntervalHours); counts only.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (requests, files) = await app.Services.GetRequiredService<CctvRequests.Infrastructure.Jobs.RetentionRunner>().RunAsync(CancellationToken.None);
        await app.Services.GetRequiredService<CctvRequests.Infrastructure.Jobs.JobLock>().RecordSuccessAsync(
            CctvRequests.Infrastructure.Jobs.RetentionRunner.Job, watch.Elapsed, CancellationToken.None);
        Console.WriteLine($"Retention run: erased the personal data of {requests} requests and {files} files.");
        return;
    }
    if (args is ["personal-data", "rekey", ..])
    {
        // `personal-data rekey`: every identity number encrypted again with the current key, its index recomputed.
        var changed = await app.Services.GetRequiredService<CctvRequests.Infrastructure.Security.PersonalDataRekey>().RunAsync(CancellationToken.None);
        Console.WriteLine($"Re-encrypted {changed} identity numbers.");
        return;
    }
    if (args is ["storage", "reconcile" or "check", ..])
    {
        Environment.ExitCode = await StorageCommand.RunAsync(scope.ServiceProvider, args);
        return;
    }
    // The node's scratch folder only (whatever is in it, a stopped process left): listing millions of
    // stored objects would hold the start; the periodic reconciler does those, on one node at a time.
    scope.ServiceProvider.GetRequiredService<StorageReconciler>().SweepScratch(DateTime.MaxValue);

}

if (!app.Services.GetRequiredService<IVirusScanner>().Enabled)
{
    app.Logger.NotScanning();
}

// Headers first: every answer carries them, errors included.
app.UseSecurityHeaders();
app.UseForwardedHeaders();
// Localization before the error handler: it answers in the caller's language.
app.UseRequestLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();

// After localization (answers vary by the resolved language) and the security headers (added to
// cached answers too); before the static files, which it answers from memory outside Development.
// Only GET and HEAD pass through it: nothing else is ever cached, and its per-request work was 2.5-3.7 %
// of the status read's CPU (a POST) in issue 23's profile.
app.UseWhen(c => HttpMethods.IsGet(c.Request.Method) || HttpMethods.IsHead(c.Request.Method), cached => cached.UseOutputCache());
var site = new PhysicalFileProvider(webRoot);
app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = site });
app.UseStaticFiles(new StaticFileOptions { FileProvider = site });
// After the static files: a phone on a slow line may take its time over the fonts and scripts.
app.UseRequestTimeouts();
app.UseApiDocumentation();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHealth();
app.MapMetrics();
app.MapStations();
app.MapRequests();
app.MapStatus();
app.MapPrivacy();
app.MapSettings();
app.MapStaffSession();
app.MapStaffRequests();
app.MapStaffAdmin();
app.MapStaffPaper();
app.MapStaffSettings();
app.MapStaffFormSettings();
app.MapStaffSubjects();
app.MapNotifications();
app.MapOnlineCopy();
app.MapAppointments();
app.MapIntegrations();
var pages = new StaticFileOptions { FileProvider = site };
// The status page, and the staff pages (one shell, web/staff/index.html, whose module the address picks) at addresses without ".html".
foreach (var (pattern, file) in new[]
         {
             ("/status", "status.html"),
             // The status link as an SMS carries it: /s#token.
             ("/s", "status.html"),
             ("/unsubscribe", "unsubscribe.html"),
             ("/staff/requests", "staff/index.html"),
             ("/staff/requests/{referenceNumber}", "staff/index.html"),
             ("/staff/account", "staff/index.html"),
             ("/staff/users", "staff/index.html"),
             ("/staff/audit", "staff/index.html"),
             ("/staff/requests/{referenceNumber}/print", "staff/index.html"),
             ("/staff/requests/{referenceNumber}/handovers/{id}", "staff/index.html"),
             ("/staff/statistics", "staff/index.html"),
             ("/staff/settings", "staff/index.html"),
             ("/staff/subjects", "staff/index.html"),
             ("/staff/messages", "staff/index.html"),
             ("/staff/appointments", "staff/index.html"),
             ("/staff/integrations", "staff/index.html"),
             ("/privacy", "privacy.html"),
         })
{
    app.MapFallbackToFile(pattern, file, pages).WithRequestTimeout(Hardening.DownloadPolicy);
}

app.Run();
