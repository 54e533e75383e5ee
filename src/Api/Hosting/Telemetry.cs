using System.Diagnostics;
using System.Diagnostics.Metrics;
using CctvRequests.Application.Behaviors;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CctvRequests.Api.Hosting;

/// <summary>
/// OpenTelemetry (docs/OPERATIONS.md, "Traces, metrics and logs").
/// <para>Traces: ASP.NET Core, HttpClient (SMS gateway, webhooks), Npgsql, one span per mediator message
/// (<see cref="TracingBehavior{TMessage,TResponse}"/>), the outbox's sends and each periodic job's run. They are made
/// only when exported: by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard variables, e.g.
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>, which posts to <c>/v1/traces</c>), or when <c>Telemetry:Traces</c>
/// is true (tests add their own exporter). A database or HTTP call without a parent (a background poll) is not traced.
/// No address keeps its query string (the unsubscribe token travels in one) and a server span's path is its route
/// template; Npgsql spans carry the SQL text with <c>$1</c> placeholders, never the values.</para>
/// <para>Metrics, for Prometheus at <c>Operations:MetricsPath</c> (default <c>/metrics</c>), operators only: requests by
/// route and status (ASP.NET Core's own meters), the rate limiter's, and this application's
/// (<see cref="AppTelemetry"/>, the outbox's queue).</para>
/// <para>Logs: <c>Logging__Console__FormatterName=json</c> writes one JSON object a line with the trace and span ids.</para>
/// </summary>
public static class Telemetry
{
    public const string TracesSetting = "Telemetry:Traces";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"]);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "cctvrequests",
                serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString()));
        if (otlp || configuration.GetValue<bool>(TracesSetting))
        {
            otel.WithTracing(tracing =>
            {
                tracing
                    .SetSampler(new ParentBasedSampler(new NoBackgroundCalls()))
                    .AddSource(AppTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = context => !IsOperatorsPath(context.Request.Path);
                        o.EnrichWithHttpResponse = (activity, response) => ScrubServerSpan(activity, response.HttpContext);
                    })
                    .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) => ScrubClientSpan(activity, request.RequestUri))
                    .AddNpgsql();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        }
        otel.WithMetrics(metrics => metrics
            .AddMeter(AppTelemetry.Name)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddPrometheusExporter());
        builder.Services.AddSingleton<OutboxGauges>();

        // JSON logs (Logging__Console__FormatterName=json) carry the trace and span ids as scopes, in UTC.
        builder.Services.PostConfigure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat ??= "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        return builder;
    }

    /// <summary>Prometheus's scrape path, for operators only (a configured network or an administrator).</summary>
    public static void MapMetrics(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<OutboxGauges>();
        var path = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OperationsOptions>>().Value.MetricsPath;
        if (!string.IsNullOrWhiteSpace(path))
        {
            app.MapPrometheusScrapingEndpoint(path).RequireOperators();
        }
    }

    /// <summary>A request refused by a rate or busy limit, counted by its route template.</summary>
    public static void CountRefusal(HttpContext context) =>
        AppTelemetry.RateLimitRefusals.Add(1, new KeyValuePair<string, object?>("route", (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)"));

    private static bool IsOperatorsPath(PathString path) =>
        path.StartsWithSegments("/healthz", StringComparison.Ordinal) || path.StartsWithSegments("/metrics", StringComparison.Ordinal);

    /// <summary>The route template instead of the path (a reference number stays out too), and no query string at all.</summary>
    private static void ScrubServerSpan(Activity activity, HttpContext context)
    {
        activity.SetTag("url.query", null);
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        activity.SetTag("url.path", string.IsNullOrEmpty(route) ? "(no route)" : route);
    }

    private static void ScrubClientSpan(Activity activity, Uri? uri)
    {
        if (uri is not null)
        {
            activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Authority) + "/(path)");
            activity.SetTag("url.query", null);
        }
    }

    /// <summary>A database or HTTP call with no parent span is a background poll (the outbox, the jobs' locks): not traced.</summary>
    private sealed class NoBackgroundCalls : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
            new(samplingParameters.Kind == ActivityKind.Client ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
    }
}

/// <summary>
/// The outbox's queue as gauges: messages due now and the age of the oldest due one (seconds). Read from the
/// database at most every 15 seconds, in the background: a scrape never waits for PostgreSQL.
/// </summary>
public sealed class OutboxGauges
{
    private readonly OutboxLag _lag;
    private (int Due, TimeSpan OldestWait) _last;
    private long _readAt;
    private int _reading;

    public OutboxGauges(OutboxLag lag, IMeterFactory meters)
    {
        _lag = lag;
        var meter = meters.Create(AppTelemetry.Name);
        meter.CreateObservableGauge("cctv.outbox.due", () => Read().Due, "{message}", "Outbox messages due now (queued or to retry).");
        meter.CreateObservableGauge("cctv.outbox.oldest_due_age", () => Read().OldestWait.TotalSeconds, "s", "How long the oldest due outbox message has waited.");
    }

    private (int Due, TimeSpan OldestWait) Read()
    {
        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _readAt)) > TimeSpan.FromSeconds(15) && Interlocked.Exchange(ref _reading, 1) == 0)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    _last = await _lag.ReadAsync(timeout.Token);
                    Interlocked.Exchange(ref _readAt, Stopwatch.GetTimestamp());
                }
                catch (Exception e) when (e is OperationCanceledException or NpgsqlException or InvalidOperationException)
                {
                    // The database is away: the gauges keep their last values; /healthz says why.
                }
                finally
                {
                    Interlocked.Exchange(ref _reading, 0);
                }
            });
        }
        return _last;
    }
}
