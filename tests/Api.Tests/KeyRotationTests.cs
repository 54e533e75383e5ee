using CctvRequests.Domain.Common;
using CctvRequests.Infrastructure.Security;
using CctvRequests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CctvRequests.Api.Tests;

/// <summary>A host of its own: after the rekey its rows are written with a key its configuration does not hold.</summary>
public sealed class KeyRotationFactory : ApiFactory;

/// <summary>docs/PERSONAL-DATA.md's rotation: a new current key, then <c>personal-data rekey</c> re-encrypts every number with it.</summary>
public sealed class KeyRotationTests(KeyRotationFactory factory) : IClassFixture<KeyRotationFactory>
{
    [Fact]
    public async Task Rekey_WritesEveryNumberWithTheNewKey_AndTheIndexStillFindsIt()
    {
        await factory.ResetAsync();
        var form = new SubmissionForm();
        var response = await factory.CreateClient().PostAsync("/api/requests", form.ToContent());
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var rotated = new PersonalDataProtector(Options.Create(new PersonalDataOptions
        {
            EncryptionKeys = new() { ["1"] = TestKeys.EncryptionKey, ["2"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) },
            CurrentKey = "2",
            IndexKey = TestKeys.IndexKey,
        }));

        var changed = await new PersonalDataRekey(factory.Services.GetRequiredService<IServiceScopeFactory>(), rotated, NullLogger<PersonalDataRekey>.Instance).RunAsync(CancellationToken.None);

        Assert.Equal(1, changed);
        await using var connection = await factory.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT applicant_id_cipher, applicant_id_index FROM footage_requests", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var cipher = (byte[])reader[0];
        Assert.Equal(2, PersonalDataProtector.KeyIdOf(cipher));
        Assert.Equal(form.NationalId, rotated.Decrypt(cipher));
        Assert.Equal(rotated.Of(IdentityDocumentKind.NationalId, form.NationalId), (byte[])reader[1]);
    }
}
