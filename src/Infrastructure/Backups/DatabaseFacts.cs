using System.Globalization;
using Npgsql;

namespace CctvRequests.Infrastructure.Backups;

/// <summary>
/// What a backup records about its database and a restore check compares: the rows of each table, every
/// request's rows in each table that names it, the stored objects the rows name, and the last migration.
/// Read by plain SQL from the catalog, so a table or a child table added later is counted without a change here.
/// </summary>
public static class DatabaseFacts
{
    public const string RequestsTable = "footage_requests";

    public static async Task<string> SchemaVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT max(migration_id) FROM __ef_migrations_history", connection);
        return await command.ExecuteScalarAsync(cancellationToken) as string ?? string.Empty;
    }

    public static async Task<SortedDictionary<string, long>> TableCountsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
                         "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1",
                         connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM public.{Quote(table)}", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        return counts;
    }

    /// <summary>
    /// <c>requests.tsv</c>: a heading (<c>id reference table.column ...</c>), then one line per request, by id: its
    /// reference number and how many rows each table with a foreign key to it holds for it.
    /// </summary>
    public static async Task<List<string>> RequestRowsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var children = new List<(string Table, string Column)>();
        await using (var list = new NpgsqlCommand(
                         """
                         SELECT cl.relname, a.attname
                         FROM pg_constraint con
                         JOIN pg_class cl ON cl.oid = con.conrelid
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
                         WHERE con.contype = 'f' AND con.confrelid = 'public.footage_requests'::regclass AND cardinality(con.conkey) = 1
                         ORDER BY 1, 2
                         """, connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                children.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        var rows = new Dictionary<Guid, long[]>();
        var order = new List<(Guid Id, string Reference)>();
        await using (var requests = new NpgsqlCommand($"SELECT id, reference_number FROM {RequestsTable} ORDER BY id", connection))
        await using (var reader = await requests.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                order.Add((id, reader.IsDBNull(1) ? "-" : reader.GetString(1)));
                rows[id] = new long[children.Count];
            }
        }
        for (var i = 0; i < children.Count; i++)
        {
            var (table, column) = children[i];
            await using var counts = new NpgsqlCommand($"SELECT {Quote(column)}, count(*) FROM public.{Quote(table)} GROUP BY 1", connection);
            await using var reader = await counts.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!reader.IsDBNull(0) && rows.TryGetValue(reader.GetGuid(0), out var line))
                {
                    line[i] = reader.GetInt64(1);
                }
            }
        }
        var lines = new List<string>(order.Count + 1) { string.Join('\t', ["id", "reference", .. children.Select(c => $"{c.Table}.{c.Column}")]) };
        lines.AddRange(order.Select(r => string.Join('\t', [r.Id.ToString(), r.Reference, .. rows[r.Id].Select(n => n.ToString(CultureInfo.InvariantCulture))])));
        return lines;
    }

    /// <summary>Every row that names a stored object: attachments, and the clips of online copies still held.</summary>
    public static async IAsyncEnumerable<StoredRow> StoredRowsAsync(NpgsqlConnection connection, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT 'attachment', a.id, r.reference_number, a.storage_key, a.size_bytes, a.sha256
            FROM request_attachments a JOIN footage_requests r ON r.id = a.request_id
            UNION ALL
            SELECT 'clip', c.id, NULL, c.storage_key, c.size_bytes, c.sha256 FROM delivered_clips c WHERE c.storage_key IS NOT NULL
            ORDER BY 4
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new StoredRow(reader.GetString(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.GetInt64(4), reader.GetString(5));
        }
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>A row that names a stored object, with the size and SHA-256 it recorded when the bytes arrived.</summary>
public sealed record StoredRow(string Kind, Guid Id, string? Reference, string Key, long Bytes, string Sha256)
{
    public string Describe() => Reference is null ? $"{Kind} {Id}" : $"{Kind} {Id} of request {Reference}";
}
