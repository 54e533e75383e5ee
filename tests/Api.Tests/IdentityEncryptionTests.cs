using System.Net;
using System.Text;
using CctvRequests.Application.Staff;
using CctvRequests.Infrastructure.Persistence;
using CctvRequests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CctvRequests.Api.Tests;

/// <summary>
/// National IDs and passport numbers at rest: AES-GCM in <c>applicant_id_cipher</c>, found only through
/// the keyed blind index <c>applicant_id_index</c>; a database dump holds none in clear.
/// </summary>
public class IdentityEncryptionTests(ApiFactory factory) : StaffApiTest(factory)
{
    private async Task<List<(byte[] Cipher, byte[]? Index)>> StoredIdentitiesAsync()
    {
        await using var connection = await Factory.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT applicant_id_cipher, applicant_id_index FROM footage_requests", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(byte[], byte[]?)>();
        while (await reader.ReadAsync())
        {
            rows.Add(((byte[])reader[0], reader.IsDBNull(1) ? null : (byte[])reader[1]));
        }
        return rows;
    }

    private static string Dashed(string id) => $"{id[0]}-{id[1..5]}-{id[5..10]}-{id[10..12]}-{id[12]}";

    private static bool Holds(byte[] bytes, string text) => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    [Fact]
    public async Task AnIdentityNumber_IsStoredEncrypted_AndTheLookupAndTheStaffSearchStillFindIt()
    {
        var form = new SubmissionForm();
        var passport = new SubmissionForm().WithPassport(number: "XK7654321");
        await SubmitOkAsync(form);
        await SubmitOkAsync(passport);

        var stored = await StoredIdentitiesAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, row =>
        {
            Assert.False(Holds(row.Cipher, form.NationalId));
            Assert.False(Holds(row.Cipher, "XK7654321"));
            Assert.Equal(1, row.Cipher[0]); // format 1, then key id, nonce (12), tag (16), the encrypted number (13 or 9 bytes)
            Assert.Contains(row.Cipher.Length, new[] { 30 + 13, 30 + 9 });
            Assert.Equal(32, row.Index!.Length);
        });
        Assert.NotEqual(stored[0].Index, stored[1].Index);

        var lookup = await JsonAsync(await PostJsonAsync("/api/status/lookup", new { nationalId = form.NationalId }));
        Assert.Equal(1, lookup.GetArrayLength());
        var byPassport = await JsonAsync(await PostJsonAsync("/api/status/lookup", new { passportNumber = "XK7654321", passportCountry = "GBR" }));
        Assert.Equal(1, byPassport.GetArrayLength());
        var officer = await SignedInAsync(StaffRoles.Officer);
        var search = await JsonAsync(await officer.GetAsync($"/api/staff/requests?q={form.NationalId}"));
        Assert.Equal(1, search.GetProperty("items").GetArrayLength());
        var detail = await JsonAsync(await officer.GetAsync($"/api/staff/requests/{search.GetProperty("items")[0].GetProperty("referenceNumber").GetString()}"));
        Assert.Equal(Dashed(form.NationalId), detail.GetProperty("applicant").GetProperty("nationalId").GetString());
    }

    [Fact]
    public async Task APgDumpOfTheDatabase_HoldsNoIdentityNumberInClear()
    {
        var forms = Enumerable.Range(0, 3).Select(_ => new SubmissionForm()).Append(new SubmissionForm().WithPassport(number: "ZZ9988776")).ToList();
        foreach (var form in forms)
        {
            await SubmitOkAsync(form);
        }

        var dump = await PgDump.OfAsync(Factory.ConnectionString);

        Assert.Contains("applicant_id_cipher", dump);
        foreach (var form in forms.Take(3))
        {
            Assert.DoesNotContain(form.NationalId, dump);
            Assert.DoesNotContain(NationalIds.InThaiDigitsWithDashes(form.NationalId), dump);
            Assert.DoesNotContain(Dashed(form.NationalId), dump);
        }
        Assert.DoesNotContain("ZZ9988776", dump);
    }

    [Fact]
    public async Task NumbersLeftInClearByTheMigration_AreEncryptedAtStart_AndTheClearColumnIsDropped()
    {
        var form = new SubmissionForm();
        await SubmitOkAsync(form);
        // The state the migration leaves in a database from before: the clear number in applicant_id_plain, no cipher, no index.
        await using (var connection = await Factory.OpenAsync())
        {
            await using var old = new NpgsqlCommand(
                "ALTER TABLE footage_requests ADD COLUMN applicant_id_plain varchar(20); ALTER TABLE footage_requests ALTER COLUMN applicant_id_cipher DROP NOT NULL; " +
                $"UPDATE footage_requests SET applicant_id_plain = '{form.NationalId}', applicant_id_cipher = NULL, applicant_id_index = NULL", connection);
            await old.ExecuteNonQueryAsync();
        }
        Assert.Equal(0, (await JsonAsync(await PostJsonAsync("/api/status/lookup", new { nationalId = form.NationalId }))).GetArrayLength());

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var converted = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
                .ProtectIdentitiesAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
            Assert.Equal(1, converted);
        }

        Assert.Equal(1, (await JsonAsync(await PostJsonAsync("/api/status/lookup", new { nationalId = form.NationalId }))).GetArrayLength());
        Assert.DoesNotContain(form.NationalId, await PgDump.OfAsync(Factory.ConnectionString));
        await using (var connection = await Factory.OpenAsync())
        {
            await using var column = new NpgsqlCommand("SELECT count(*) FROM information_schema.columns WHERE table_name = 'footage_requests' AND column_name = 'applicant_id_plain'", connection);
            Assert.Equal(0L, await column.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task WithoutKeys_TheServiceSaysWhatToSet()
    {
        var protector = new Infrastructure.Security.PersonalDataProtector(Microsoft.Extensions.Options.Options.Create(new Infrastructure.Security.PersonalDataOptions()));

        var error = Assert.Throws<InvalidOperationException>(() => protector.Encrypt("1234567890123"));

        Assert.Contains("PersonalData:KeyFile", error.Message);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/stations")).StatusCode);
    }
}
