using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit.Abstractions;

namespace CctvRequests.Api.Tests;

/// <summary>A host with e-mail and SMS, its traces and metrics kept in memory.</summary>
public sealed class TelemetryFactory : NotificationsFactory
{
    public List<Activity> Spans { get; } = [];

    public List<MetricSnapshot> Metrics { get; } = [];

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        [Api.Hosting.Telemetry.TracesSetting] = "true",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans));
            services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Metrics));
        });
    }

    public void Flush()
    {
        Services.GetRequiredService<TracerProvider>().ForceFlush();
        Services.GetRequiredService<MeterProvider>().ForceFlush();
    }
}

/// <summary>
/// A whole flow (two submissions, the lookups, the status by token, an officer's search, receive and approve, the
/// subject's export, the e-mails and SMS that follow) with every span and metric kept: the expected spans are there,
/// and no national ID, passport number, phone number, e-mail address, name or status token is in any of them.
/// </summary>
public sealed class TelemetryTests(TelemetryFactory factory, ITestOutputHelper output) : IClassFixture<TelemetryFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetWithServersAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonDocument.Parse(text).RootElement : default;
    }

    [Fact]
    public async Task AWholeFlow_IsTraced_WithoutAnyPersonalDataOrToken()
    {
        var nationalId = NationalIds.New();
        var (phone, e164) = People.NewMobile();
        var (first, last) = (People.NewName(), People.NewName());
        var email = "t" + Guid.NewGuid().ToString("N")[..12] + "@example.com";
        var passport = "TQ" + Random.Shared.Next(1_000_000, 9_999_999);
        var passportFirst = People.NewName();
        var citizen = factory.CreateClient();

        var submitted = await OkAsync(await citizen.PostAsync("/api/requests", new SubmissionForm()
            .Set("nationalId", nationalId).Set("firstName", first).Set("lastName", last).Set("phone", phone)
            .Set("email", email).Set("notifyBySms", "true").ToContent()));
        var reference = submitted.GetProperty("referenceNumber").GetString()!;
        var statusUrl = submitted.GetProperty("statusUrl").GetString()!;
        var token = statusUrl[(statusUrl.IndexOf("#t=", StringComparison.Ordinal) + 3)..];
        await OkAsync(await citizen.PostAsync("/api/requests", new SubmissionForm().WithPassport(number: passport).Set("firstName", passportFirst).ToContent()));

        await OkAsync(await citizen.PostAsync("/api/status/lookup", JsonContent(new { nationalId })));
        await OkAsync(await citizen.PostAsync("/api/status/lookup", JsonContent(new { passportNumber = passport, passportCountry = "GBR" })));
        await OkAsync(await citizen.PostAsync("/api/status/token", JsonContent(new { token })));

        var officer = await StaffClient.SignedInAsync(factory, await TestStaffAccounts.CreateAsync(factory, StaffRoles.Officer));
        var approver = await StaffClient.SignedInAsync(factory, await TestStaffAccounts.CreateAsync(factory, StaffRoles.Approver));
        var admin = await StaffClient.SignedInAsync(factory, await TestStaffAccounts.CreateAsync(factory, StaffRoles.Admin));
        // A search in the query string: the address of the span must not keep it.
        await OkAsync(await officer.GetAsync($"/api/staff/requests?q={Uri.EscapeDataString(first)}"));
        await OkAsync(await officer.GetAsync($"/api/staff/requests?q={nationalId}"));
        var detail = await officer.GetAsync($"/api/staff/requests/{reference}");
        await OkAsync(await officer.PostAsync($"/api/staff/requests/{reference}/receive", new { note = "รับเรื่องแล้ว" }, detail.Headers.ETag!.ToString()));
        detail = await approver.GetAsync($"/api/staff/requests/{reference}");
        await OkAsync(await approver.PostAsync($"/api/staff/requests/{reference}/approve", new { }, detail.Headers.ETag!.ToString()));
        await OkAsync(await admin.PostAsync("/api/staff/subjects/export", new { nationalId }));
        await factory.Smtp.WaitForAsync(3);
        await factory.SettledAsync();
        // The scrape reads what the meters have collected so far: asked again briefly until the requests' own are in.
        var metricsText = string.Empty;
        for (var i = 0; i < 10 && !metricsText.Contains("http_route=", StringComparison.Ordinal); i++)
        {
            await Task.Delay(i * 200);
            metricsText = await (await factory.CreateClient().GetAsync("/metrics")).Content.ReadAsStringAsync();
        }
        factory.Flush();

        var spans = factory.Spans.ToList();
        var names = spans.Select(s => s.DisplayName).ToHashSet();
        Assert.Contains("SubmitRequestCommand", names);
        Assert.Contains("ApproveRequestCommand", names);
        Assert.Contains(names, n => n.StartsWith("POST /api/requests", StringComparison.Ordinal));
        Assert.Contains("outbox dispatch", names);
        Assert.Contains(spans, s => s.Source.Name == "Npgsql");
        Assert.Contains(spans, s => s.Source.Name == "System.Net.Http" && s.Kind == ActivityKind.Client);
        Assert.Contains("cctv_submissions_total", metricsText);
        Assert.True(metricsText.Contains("http_route=\"/api/requests", StringComparison.Ordinal), metricsText);

        var everything = new StringBuilder();
        foreach (var span in spans)
        {
            everything.AppendLine($"{span.Source.Name} {span.DisplayName} {span.OperationName} {span.StatusDescription}");
            foreach (var (key, value) in span.TagObjects)
            {
                everything.AppendLine($"  {key}={value}");
            }
            foreach (var e in span.Events)
            {
                everything.AppendLine($"  event {e.Name}: {string.Join(", ", e.Tags.Select(t => $"{t.Key}={t.Value}"))}");
            }
            foreach (var (key, value) in span.Baggage)
            {
                everything.AppendLine($"  baggage {key}={value}");
            }
        }
        foreach (var metric in factory.Metrics)
        {
            foreach (var point in metric.MetricPoints)
            {
                foreach (var tag in point.Tags)
                {
                    everything.AppendLine($"{metric.Name} {tag.Key}={tag.Value}");
                }
            }
        }
        everything.AppendLine(metricsText);
        var exported = everything.ToString();
        Assert.Contains("db.statement", exported.Replace("db.query.text", "db.statement", StringComparison.Ordinal));
        foreach (var secret in new[] { nationalId, passport, phone, phone.Replace("-", "", StringComparison.Ordinal), e164, e164[1..], email, first, last, passportFirst, token })
        {
            Assert.False(exported.Contains(secret, StringComparison.OrdinalIgnoreCase), $"'{secret}' is in what was exported");
        }

        // One submission's trace, as exported: for the record.
        var root = spans.First(s => s.DisplayName.StartsWith("POST /api/requests", StringComparison.Ordinal) && s.Kind == ActivityKind.Server);
        var trace = string.Join('\n', spans.Where(s => s.TraceId == root.TraceId).OrderBy(s => s.StartTimeUtc)
            .Select(s => $"{(s.StartTimeUtc - root.StartTimeUtc).TotalMilliseconds,7:0.0} ms +{s.Duration.TotalMilliseconds,7:0.0} ms  {s.Source.Name,-28} {s.DisplayName}"));
        output.WriteLine(trace);
        if (Environment.GetEnvironmentVariable("CCTV_TRACE_FILE") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, trace + "\n\n" + string.Join('\n', spans.Select(s => $"{s.TraceId} {s.ParentSpanId} {s.SpanId} {s.Source.Name} {s.DisplayName} {s.Duration.TotalMilliseconds:0.0}")));
        }
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
