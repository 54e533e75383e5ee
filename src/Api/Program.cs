using System.Globalization;
using System.Net;
using CctvRequests.Api.Endpoints;
using CctvRequests.Api.Errors;
using CctvRequests.Api.Hosting;
using CctvRequests.Api.OpenApi;
using CctvRequests.Api.Staff;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application;
using CctvRequests.Application.Behaviors;
using CctvRequests.Application.Idempotency;
using CctvRequests.Application.Requests.Submit;
using CctvRequests.Infrastructure;
using CctvRequests.Infrastructure.Files;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

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
builder.Services.AddStaffAuthentication(builder.Configuration);
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(SubmitRequestCommand)];
    options.PipelineBehaviors =
    [
        typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>), typeof(AuditBehavior<,>), typeof(IdempotencyBehavior<,>),
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
builder.Services.Configure<ForwardedHeadersOptions>(o =>
{
    // Behind a reverse proxy, the client's address (which the lookup limit counts) comes from
    // X-Forwarded-For, trusted only from the proxies named in ForwardedHeaders:KnownProxies.
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    foreach (var proxy in (builder.Configuration["ForwardedHeaders:KnownProxies"] ?? string.Empty)
                 .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
    {
        o.KnownProxies.Add(IPAddress.Parse(proxy));
    }
});
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgresql", timeout: TimeSpan.FromSeconds(3));
builder.Services.AddApiDocumentation();

var app = builder.Build();

var webRoot = WebRoot.Resolve(app.Configuration["Web:Root"], app.Environment.ContentRootPath);
var storageRoot = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Root;
if (Path.GetFullPath(storageRoot).StartsWith(Path.GetFullPath(webRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
{
    throw new InvalidOperationException($"Storage:Root ({storageRoot}) must not lie inside the web root ({webRoot}).");
}

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    if (args.FirstOrDefault() == CreateAdminCommand.Name)
    {
        Environment.ExitCode = await CreateAdminCommand.RunAsync(app.Services, args);
        return;
    }
    await scope.ServiceProvider.GetRequiredService<StorageSweeper>().SweepAsync(CancellationToken.None);
}

app.UseForwardedHeaders();
// Localization first: the error handler must see the caller's language.
app.UseRequestLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();

var site = new PhysicalFileProvider(webRoot);
app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = site });
app.UseStaticFiles(new StaticFileOptions { FileProvider = site });
app.UseApiDocumentation();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/healthz", new HealthCheckOptions
{
    ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(new { status = report.Status.ToString() }),
});
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
var pages = new StaticFileOptions { FileProvider = site };
app.MapFallbackToFile("/status", "status.html", pages);
// The staff pages: plain HTML under web/staff/, at addresses without ".html".
app.MapFallbackToFile("/staff/requests", "staff/requests.html", pages);
app.MapFallbackToFile("/staff/requests/{referenceNumber}", "staff/request.html", pages);
app.MapFallbackToFile("/staff/account", "staff/account.html", pages);
app.MapFallbackToFile("/staff/users", "staff/users.html", pages);
app.MapFallbackToFile("/staff/audit", "staff/audit.html", pages);
app.MapFallbackToFile("/staff/requests/{referenceNumber}/print", "staff/print.html", pages);
app.MapFallbackToFile("/staff/requests/{referenceNumber}/handovers/{id}", "staff/receipt.html", pages);
app.MapFallbackToFile("/staff/statistics", "staff/statistics.html", pages);
app.MapFallbackToFile("/staff/settings", "staff/settings.html", pages);

app.Run();
