using System.Net;
using CctvRequests.Api.Staff;
using CctvRequests.Application.Staff;
using CctvRequests.Infrastructure.Identity;
using CctvRequests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Api.Tests;

/// <summary>One password check at a time and no queue, and a hasher that counts what it verifies.</summary>
public sealed class SignInGuardsFactory : ApiFactory
{
    public CountingHasher Hasher { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Limits:ConcurrentPasswordChecks"] = "1",
        ["Limits:PasswordCheckQueue"] = "0",
    };

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<StaffUser>>(Hasher));
    }

    public sealed class CountingHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _inner = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = IdentitySetup.Pbkdf2Iterations }));
        private int _verified;

        public int Verified => Volatile.Read(ref _verified);

        public string HashPassword(StaffUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            // Slow enough that parallel sign-ins overlap on any machine.
            Thread.Sleep(150);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>
/// What the sign-in does against guessing and flooding: every refusal costs one password check, checks wait
/// their turn (then 503), failures naming no account are collapsed in the audit log, and a claimed e-mail
/// cannot forge lines in it.
/// </summary>
public sealed class StaffSignInProtectionTests(SignInGuardsFactory factory) : IClassFixture<SignInGuardsFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EveryRefusal_CostsExactlyOnePasswordCheck_WhateverTheReason()
    {
        var officer = await TestStaffAccounts.CreateAsync(factory, StaffRoles.Officer);
        var locked = await TestStaffAccounts.CreateAsync(factory, StaffRoles.Officer);
        var disabled = await TestStaffAccounts.CreateAsync(factory, StaffRoles.Officer);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id.ToString()))!, DateTimeOffset.UtcNow.AddMinutes(10));
            await scope.ServiceProvider.GetRequiredService<Application.Abstractions.IStaffAccounts>().SetDisabledAsync(disabled.Id, true, CancellationToken.None);
        }

        foreach (var (email, password) in new[]
                 {
                     ("nobody.here@example.go.th", TestStaffAccounts.Password), (locked.Email, locked.Password), (disabled.Email, disabled.Password),
                     (officer.Email, "not the password at all"),
                 })
        {
            var before = factory.Hasher.Verified;
            Assert.Equal(HttpStatusCode.Unauthorized, (await StaffClient.For(factory).SignInAsync(email, password)).StatusCode);
            Assert.Equal(1, factory.Hasher.Verified - before);
        }
    }

    [Fact]
    public async Task PasswordChecks_WaitTheirTurn_AndBeyondTheQueueAnswer503WithRetryAfter()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => StaffClient.For(factory).SignInAsync($"someone{i}@example.go.th", "a password of some length")));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.ServiceUnavailable, a.StatusCode.ToString()));
        var busy = answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(busy);
        Assert.All(busy, b =>
        {
            Assert.Equal("application/problem+json", b.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(b.Headers.RetryAfter);
        });
    }

    [Fact]
    public async Task FailuresNamingNoAccount_FromOneClient_AreOneAuditLine_ThenOneWithTheCount()
    {
        for (var i = 0; i < 7; i++)
        {
            await StaffClient.For(factory).SignInAsync($"guess{i}@example.go.th", "a password of some length");
        }
        await using (var db = factory.NewDbContext())
        {
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "SignInFailed"));
        }

        await factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<AnonymousSignInFailureFlush>().Single().FlushAsync(all: true, CancellationToken.None);

        await using (var db = factory.NewDbContext())
        {
            var details = await db.AuditEntries.Where(e => e.Action == "SignInFailed").OrderBy(e => e.At).Select(e => e.Details).ToListAsync();
            Assert.Equal(2, details.Count);
            Assert.Equal("unknown account", details[0]);
            Assert.StartsWith("6 more failed sign-ins naming no account", details[1]);
        }
    }

    [Fact]
    public async Task AClaimedEmail_WithLineBreaksAndABidiOverride_IsRecordedEscaped()
    {
        await StaffClient.For(factory).SignInAsync("evil@example.go.th\r\nSignIn admin@example.go.th\u202Emoc.elpmaxe", "a password of some length");

        await using var db = factory.NewDbContext();
        var recorded = await db.AuditEntries.Where(e => e.Action == "SignInFailed").Select(e => e.UserEmail).SingleAsync();
        Assert.Equal("evil@example.go.th\\u{000D}\\u{000A}SignIn admin@example.go.th\\u{202E}moc.elpmaxe", recorded);
    }
}
