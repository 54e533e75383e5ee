using System.Net;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>A host of its own: these tests move its clock on by hours.</summary>
public sealed class SessionLifetimeFactory : ApiFactory;

/// <summary>Staff sessions end after 30 idle minutes and 8 hours at most.</summary>
public sealed class StaffSessionLifetimeTests(SessionLifetimeFactory factory) : IClassFixture<SessionLifetimeFactory>
{
    private SessionLifetimeFactory Factory { get; } = factory;

    [Fact]
    public async Task AnIdleSession_EndsAfter30Minutes()
    {
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        var client = await StaffClient.SignedInAsync(Factory, officer);

        Factory.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/staff/session")).StatusCode);
        Factory.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/staff/session")).StatusCode);
    }

    [Fact]
    public async Task ABusySession_EndsAfter8Hours()
    {
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        var client = await StaffClient.SignedInAsync(Factory, officer);
        var start = Factory.Clock.GetUtcNow();

        // A call every 19 minutes renews the idle limit, up to the 8th hour after sign-in.
        while (Factory.Clock.GetUtcNow() - start < TimeSpan.FromHours(8) - TimeSpan.FromMinutes(20))
        {
            Factory.Clock.Advance(TimeSpan.FromMinutes(19));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/staff/session")).StatusCode);
        }
        Factory.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/staff/session")).StatusCode);
    }
}
