using CctvRequests.Domain.Common;
using CctvRequests.Infrastructure.Logging;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CctvRequests.Infrastructure.Security;

/// <summary>
/// <c>dotnet CctvRequests.Api.dll personal-data rekey</c>: after a new encryption key became
/// current (or the index key changed), every identity number is decrypted with whichever key wrote
/// it, encrypted again with the current key, and its blind index recomputed; 500 rows per
/// transaction, so it can run while the service serves. See docs/PERSONAL-DATA.md.
/// </summary>
public sealed class PersonalDataRekey(IServiceScopeFactory scopes, PersonalDataProtector protector, ILogger<PersonalDataRekey> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var changed = 0;
        Guid? after = null;
        while (true)
        {
            var batch = new List<(Guid Id, string Kind, byte[] Cipher, byte[]? Index)>();
            await using (var read = new NpgsqlCommand(
                "SELECT id, applicant_id_kind, applicant_id_cipher, applicant_id_index FROM footage_requests WHERE (@after::uuid IS NULL OR id > @after) ORDER BY id LIMIT 500", connection))
            {
                read.Parameters.AddWithValue("after", (object?)after ?? DBNull.Value);
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    batch.Add((reader.GetGuid(0), reader.GetString(1), (byte[])reader[2], reader.IsDBNull(3) ? null : (byte[])reader[3]));
                }
            }
            if (batch.Count == 0)
            {
                break;
            }
            after = batch[^1].Id;
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var (id, kind, cipher, index) in batch)
            {
                if (cipher.Length == 0)
                {
                    continue; // erased
                }
                var number = protector.Decrypt(cipher);
                var newIndex = protector.Of(Enum.Parse<IdentityDocumentKind>(kind), number);
                if (PersonalDataProtector.KeyIdOf(cipher) == protector.CurrentKeyId && index is not null && index.AsSpan().SequenceEqual(newIndex))
                {
                    continue;
                }
                await using var update = new NpgsqlCommand(
                    "UPDATE footage_requests SET applicant_id_cipher = @cipher, applicant_id_index = @index WHERE id = @id", connection, transaction);
                update.Parameters.AddWithValue("cipher", protector.Encrypt(number));
                update.Parameters.AddWithValue("index", newIndex);
                update.Parameters.AddWithValue("id", id);
                await update.ExecuteNonQueryAsync(cancellationToken);
                changed++;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        logger.Rekeyed(changed, protector.CurrentKeyId);
        return changed;
    }
}
