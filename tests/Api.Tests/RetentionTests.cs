using System.Net;
using CctvRequests.Application.PersonalData;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Requests;
using CctvRequests.Infrastructure.Jobs;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CctvRequests.Api.Tests;

/// <summary>A host of its own: these tests move its clock years ahead.</summary>
public sealed class RetentionFactory : ApiFactory;

/// <summary>
/// The privacy notice's promise kept by the system: 3 years after a request is closed, its personal
/// data and files are erased; open requests never; statistics unchanged.
/// </summary>
public sealed class RetentionTests(RetentionFactory factory) : IClassFixture<RetentionFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The host's today (its clock moves years in these tests), in Bangkok.</summary>
    private DateOnly Today => Domain.Common.BangkokTime.DateOf(factory.Clock.GetUtcNow());

    private async Task<string> SubmitAsync()
    {
        var form = new SubmissionForm().Set("writtenOn", SubmissionForm.Iso(Today)).Set("incidentDate", SubmissionForm.Iso(Today.AddDays(-2)));
        var response = await factory.CreateClient().PostAsync("/api/requests", form.ToContent());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await StaffClient.ReadAsync(response)).GetProperty("referenceNumber").GetString()!;
    }

    private async Task DecideNowAsync(string reference)
    {
        await using var db = factory.NewDbContext();
        Assert.True(ReferenceNumber.TryParse(reference, out var number));
        StoredRequests.Approve(await db.FootageRequests.Include(r => r.History).SingleAsync(r => r.ReferenceNumber == number), factory.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    private async Task<FootageRequest> LoadAsync(string reference)
    {
        await using var db = factory.NewDbContext();
        Assert.True(ReferenceNumber.TryParse(reference, out var number));
        return await db.FootageRequests.AsNoTracking().WithEverything().SingleAsync(r => r.ReferenceNumber == number);
    }

    private async Task<string> StatisticsAsync(DateOnly from, DateOnly to)
    {
        var officer = await StaffClient.SignedInAsync(factory, await TestStaffAccounts.CreateAsync(factory, StaffRoles.Officer));
        var body = await StaffClient.ReadAsync(await officer.GetAsync($"/api/staff/statistics?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"));
        return body.GetRawText();
    }

    private async Task<(int Requests, int Files)> RunAsync() => await factory.Services.GetRequiredService<RetentionRunner>().RunAsync(CancellationToken.None);

    [Fact]
    public async Task ClosedThreeYearsAndADayAgo_IsErased_ClosedADayLess_IsKept_PendingAfterFiveYears_IsKept_AndTheStatisticsAreUnchanged()
    {
        var start = factory.Clock.GetUtcNow();
        var today = Today;
        var old = await SubmitAsync();
        var recent = await SubmitAsync();
        var pending = await SubmitAsync();
        await DecideNowAsync(old);
        factory.Clock.Advance(TimeSpan.FromDays(2));
        await DecideNowAsync(recent);
        var oldFiles = (await LoadAsync(old)).Attachments.Select(a => a.StorageKey).ToList();
        var statisticsBefore = await StatisticsAsync(today.AddDays(-1), today.AddDays(3));

        // Now: three years and one day after the first was closed, a day less for the second.
        factory.Clock.SetUtcNow(start.AddYears(3).AddDays(1));
        var (requests, files) = await RunAsync();

        Assert.Equal((1, new SubmissionForm().Files.Count), (requests, files));
        var erased = await LoadAsync(old);
        Assert.NotNull(erased.ErasedAt);
        Assert.Equal(string.Empty, erased.Applicant.FirstName + erased.Applicant.LastName + erased.Applicant.Address + erased.Applicant.Identity.Number + erased.Applicant.Phone.E164 + erased.Reason);
        Assert.Empty(erased.Attachments);
        Assert.All(oldFiles, key => Assert.DoesNotContain(factory.StoredFiles(), f => f.EndsWith(key, StringComparison.Ordinal)));
        Assert.Equal(RequestStatus.Approved, erased.Status);
        Assert.Null((await LoadAsync(recent)).ErasedAt);
        Assert.Equal(new SubmissionForm().Files.Count, (await LoadAsync(recent)).Attachments.Count);
        Assert.Equal(statisticsBefore, await StatisticsAsync(today.AddDays(-1), today.AddDays(3)));
        await using (var db = factory.NewDbContext())
        {
            var run = await db.AuditEntries.OrderByDescending(e => e.At).FirstAsync(e => e.Action == "RetentionRun");
            Assert.StartsWith("erased 1 requests", run.Details);
            Assert.Null(run.ReferenceNumber);
        }

        // Five years on, the request nobody closed is still whole.
        factory.Clock.SetUtcNow(start.AddYears(5));
        await RunAsync();
        var stillPending = await LoadAsync(pending);
        Assert.Equal(RequestStatus.Pending, stillPending.Status);
        Assert.Null(stillPending.ErasedAt);
        Assert.Equal(new SubmissionForm().Files.Count, stillPending.Attachments.Count);
        Assert.NotEqual(string.Empty, stillPending.Applicant.Identity.Number);
    }

    [Fact]
    public async Task ARunThatThrows_IsLogged_TheHostKeepsServing_AndTheNextRunWorks()
    {
        var reference = await SubmitAsync();
        await DecideNowAsync(reference);
        factory.Clock.Advance(TimeSpan.FromDays((3 * 366) + 2));
        var job = new RetentionJob(
            factory.Services.GetRequiredService<RetentionRunner>(),
            factory.Services.GetRequiredService<JobLock>(),
            Options.Create(new RetentionOptions { IntervalHours = 1 }),
            factory.Clock,
            factory.Services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RetentionJob>>());
        factory.SaveFailure.Arm();

        await job.StartAsync(CancellationToken.None);
        await WaitForAsync(() => factory.Logs.Lines.Any(l => l.Contains("The retention run failed", StringComparison.Ordinal)));

        Assert.False(job.ExecuteTask!.IsCompleted);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/stations")).StatusCode);
        Assert.Null((await LoadAsync(reference)).ErasedAt);

        factory.Clock.Advance(TimeSpan.FromHours(1));
        await WaitForAsync(async () => (await LoadAsync(reference)).ErasedAt is not null);
        await job.StopAsync(CancellationToken.None);
    }

    private static async Task WaitForAsync(Func<bool> condition) => await WaitForAsync(() => Task.FromResult(condition()));

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("Timed out waiting.");
    }
}
