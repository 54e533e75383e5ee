using CctvRequests.Application.Abstractions;
using CctvRequests.Infrastructure.Files;
using CctvRequests.Infrastructure.Identity;
using CctvRequests.Infrastructure.Jobs;
using CctvRequests.Infrastructure.Links;
using CctvRequests.Infrastructure.Persistence;
using CctvRequests.Infrastructure.RateLimiting;
using CctvRequests.Infrastructure.Scanning;
using CctvRequests.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // Pooled: the options are built once and contexts are reused, not built for every request.
        services.AddDbContextPool<AppDbContext>((sp, options) =>
        {
            // Read when the first context is made, so hosts and tests can still change it after start-up code ran.
            var connection = sp.GetRequiredService<IConfiguration>().GetConnectionString("Default")
                             ?? throw new InvalidOperationException("Set ConnectionStrings__Default to a PostgreSQL connection string.");
            ConfigureDb(options, connection);
            // Interceptors come from the container, so cross-cutting concerns (and tests) can add theirs.
            options.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddSingleton<IInterceptor, IndexSearchInterceptor>();
        // Periodic jobs on one node at a time; reference-data changes announced to every node.
        services.AddSingleton<JobLock>();
        services.AddSingleton<ReferenceDataNotifier>();
        services.AddSingleton<IReferenceDataListener>(sp => sp.GetRequiredService<ReferenceDataNotifier>());
        services.AddHostedService<ReferenceDataSubscriber>();
        services.Configure<PersonalDataOptions>(configuration.GetSection(PersonalDataOptions.Section));
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<IIdentityIndex>(sp => sp.GetRequiredService<PersonalDataProtector>());
        services.AddScoped<IReferenceNumbers, ReferenceNumbers>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddStaffIdentity();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<OrganizationSeed>();
        services.AddScoped<IStatisticsReader, Statistics.StatisticsReader>();
        services.AddScoped<StorageReconciler>();
        services.AddHostedService<StorageReconcileJob>();
        services.AddSingleton<IStoredFileReferences, StoredFileReferences>();

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .PostConfigure(o =>
            {
                o.Root = string.IsNullOrWhiteSpace(o.Root) ? Path.Combine(contentRoot, ".data", "files") : Path.GetFullPath(o.Root, contentRoot);
                o.Scratch = string.IsNullOrWhiteSpace(o.Scratch) ? string.Empty : Path.GetFullPath(o.Scratch, contentRoot);
            })
            .Validate(o => o.Provider != StorageProvider.S3 || !string.IsNullOrWhiteSpace(o.S3.Bucket), "Storage:S3:Bucket is needed with Storage:Provider=S3.")
            .Validate(o => o.S3.PartSizeBytes >= 5L * 1024 * 1024, "Storage:S3:PartSizeBytes must be at least 5 MiB (5242880).")
            .Validate(o => o.ReconcilePageSize is >= 1 and <= 1000, "Storage:ReconcilePageSize must be 1 to 1000.")
            .ValidateOnStart();
        // Attachments in a local folder (the default) or an S3-compatible bucket; staged on the node's own disk either way.
        if (configuration.GetValue<StorageProvider>($"{StorageOptions.Section}:Provider") == StorageProvider.S3)
        {
            services.AddSingleton<Amazon.S3.IAmazonS3>(sp => S3FileStore.CreateClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.S3));
            services.AddSingleton<S3FileStore>();
            services.AddSingleton<IFileStore>(sp => sp.GetRequiredService<S3FileStore>());
            services.AddSingleton<IStoredObjects>(sp => sp.GetRequiredService<S3FileStore>());
        }
        else
        {
            services.AddSingleton<LocalFileStore>();
            services.AddSingleton<IFileStore>(sp => sp.GetRequiredService<LocalFileStore>());
            services.AddSingleton<IStoredObjects>(sp => sp.GetRequiredService<LocalFileStore>());
        }
        services.AddSingleton<IImageInspector, PngInspector>();
        services.AddSingleton<IUploadSanitizer, UploadSanitizer>();

        services.Configure<ClamAvOptions>(configuration.GetSection(ClamAvOptions.Section));
        services.AddSingleton<ClamAvScanner>();
        services.AddSingleton<IVirusScanner>(sp => sp.GetRequiredService<ClamAvScanner>());

        services.AddOptions<AppOptions>()
            .Bind(configuration.GetSection(AppOptions.Section))
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "App:PublicBaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddSingleton<IStatusLinks, StatusLinks>();

        var dataProtection = services.AddDataProtection()
            .SetApplicationName("CctvRequests")
            .PersistKeysToDbContext<AppDbContext>();
        // Optional: encrypt the keys at rest with a certificate (PFX). Without one they sit in the
        // database unencrypted, and ASP.NET says so at start.
        var certificate = configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificate))
        {
            dataProtection.ProtectKeysWithCertificate(
                System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(certificate, configuration["DataProtection:CertificatePassword"]));
        }
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();

        services.Configure<ThrottleOptions>(configuration.GetSection(ThrottleOptions.Section));
        services.AddSingleton<SlidingWindowThrottle>();
        // Limits shared by every node through Redis when it is configured; in this process otherwise.
        if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ => StackExchange.Redis.ConnectionMultiplexer.Connect(redis));
            services.AddSingleton<IThrottle>(sp => new RedisThrottle(
                sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>(), sp.GetRequiredService<IOptionsMonitor<ThrottleOptions>>(),
                configuration["Redis:KeyPrefix"] is { Length: > 0 } prefix ? prefix : "cctv"));
        }
        else
        {
            services.AddSingleton<IThrottle>(sp => sp.GetRequiredService<SlidingWindowThrottle>());
        }

        services.Configure<DocumentOptions>(configuration.GetSection(DocumentOptions.Section));
        services.AddSingleton<ISubmissionSettings, SubmissionSettings>();

        services.Configure<Application.PersonalData.RetentionOptions>(configuration.GetSection(Application.PersonalData.RetentionOptions.Section));
        services.AddSingleton<RetentionRunner>();
        services.AddHostedService<RetentionJob>();
        services.AddSingleton<PersonalDataRekey>();

        // Citizens' notifications: the transactional outbox and its dispatcher on every node (ADR 0016).
        services.Configure<Notifications.NotificationOptions>(configuration.GetSection(Notifications.NotificationOptions.Section));
        services.AddHttpClient(Notifications.HttpSmsSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<Notifications.IMessageSender, Notifications.SmtpEmailSender>();
        services.AddSingleton<Notifications.IMessageSender, Notifications.HttpSmsSender>();
        services.Configure<Integrations.WebhookOptions>(configuration.GetSection(Integrations.WebhookOptions.Section));
        services.AddSingleton<Integrations.WebhookTargets>();
        services.AddSingleton<Application.Abstractions.IWebhookTargets>(sp => sp.GetRequiredService<Integrations.WebhookTargets>());
        services.AddHttpClient(Integrations.WebhookSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => Integrations.WebhookSender.Handler(sp.GetRequiredService<Integrations.WebhookTargets>()));
        services.AddSingleton<Notifications.IMessageSender, Integrations.WebhookSender>();
        services.AddSingleton<Notifications.OutboxSignal>();
        services.AddSingleton<INotificationLinks, Notifications.NotificationLinks>();
        services.AddSingleton<Notifications.OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Notifications.OutboxDispatcher>());
        services.AddHostedService<Notifications.OutboxListener>();

        // The copy delivered online (ADR 0017).
        services.Configure<Application.OnlineCopy.OnlineCopyOptions>(configuration.GetSection(Application.OnlineCopy.OnlineCopyOptions.Section));
        services.AddSingleton<IClipIntake, ClipIntake>();
        services.AddSingleton<OnlineCopyExpiry>();
        if (configuration.GetValue("Delivery:ExpiryJob", true))
        {
            services.AddHostedService<OnlineCopyExpiryJob>();
        }

        // Viewing appointments (SPEC decision 17): seats counted by the database, calendar files, the day-before reminders.
        services.AddScoped<IAppointmentSeats, Persistence.AppointmentSeats>();
        services.AddSingleton<IAppointmentCalendarFiles, Appointments.AppointmentCalendarFiles>();
        services.AddSingleton<AppointmentReminders>();
        if (configuration.GetValue("Appointments:ReminderJob", true))
        {
            services.AddHostedService<AppointmentReminderJob>();
        }

        // The backup and restore-check commands (docs/OPERATIONS.md).
        services.Configure<Backups.BackupOptions>(configuration.GetSection(Backups.BackupOptions.Section));
        services.AddScoped<Backups.BackupWriter>();
        services.AddSingleton<Backups.RestoreCheck>();

        services.AddSingleton<IdempotencyCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencyCleanup>());

        services.AddSingleton(TimeProvider.System);
        return services;
    }

    public static void ConfigureDb(DbContextOptionsBuilder options, string connection) =>
        options
            .UseNpgsql(WithPreparedStatements(connection), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ProtectorModelCacheKeyFactory>();

    /// <summary>
    /// Statements run five times on a connection are kept prepared on it (64 per connection), so
    /// PostgreSQL parses and plans the hot reads once, not on every call (docs/BENCHMARKS.md: parsing and
    /// planning the status read took two thirds of PostgreSQL's time). A connection string that sets Max
    /// Auto Prepare itself (0 turns it off) is left as it is.
    /// </summary>
    public static string WithPreparedStatements(string connection)
    {
        // The keys as written: NpgsqlConnectionStringBuilder.ContainsKey answers true for every keyword Npgsql
        // knows, set or not (the check that stood here did, and left every statement unprepared until issue 23).
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection };
        if (written.Keys.Cast<string>().Any(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connection;
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(connection) { MaxAutoPrepare = 64 }.ConnectionString;
    }
}
