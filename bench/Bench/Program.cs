using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CctvRequests.Domain.Common;
using CctvRequests.Infrastructure.Security;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

// bench/Bench: `seed <connection> <count> <key file> <out dir> [<storage root>]`, `bare <port>` and `drain <connection> <backlog table>`.
return args switch
{
    ["seed", var connection, var count, var keyFile, var outDir, .. var rest] =>
        await Seeder.RunAsync(connection, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), keyFile, outDir, rest.FirstOrDefault()),
    ["bare", var port, .. var folder] => Bare.Run(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), folder.FirstOrDefault()),
    ["drain", var connection, var table] => await Drain.RunAsync(connection, table),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Bench seed <connection> <count> <key file> <out dir> [<storage root>] | Bench bare <port> [<file folder>] | Bench drain <connection> <backlog table>");
    return 2;
}

/// <summary>
/// The HTTP ceiling: Kestrel answering one constant, nothing else in the pipeline. With a folder, also the
/// ceiling for moving a clip's bytes: <c>PUT /file/{name}</c> writes the body to the folder as it arrives and
/// <c>GET /file/{name}</c> sends it back (with ranges), as a plain file server would.
/// </summary>
internal static class Bare
{
    public static int Run(int port, string? folder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        if (folder is not null)
        {
            app.MapPut("/file/{name}", async (string name, HttpRequest request) =>
            {
                await using (var file = new FileStream(Path.Combine(folder, Path.GetFileName(name)), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                {
                    await request.Body.CopyToAsync(file, 1 << 16);
                }
                return Results.Created();
            });
            app.MapGet("/file/{name}", (string name) =>
                Results.File(Path.Combine(folder, Path.GetFileName(name)), "application/octet-stream", enableRangeProcessing: true));
        }
        app.Run();
        return 0;
    }
}

/// <summary>
/// 1,000,000 requests the way the API would have stored them (identity numbers encrypted with the
/// run's keys and indexed, history, four attachment rows each), written with binary COPY; plus the
/// samples the load scripts use (status tokens, national IDs, reference numbers) and, when a storage
/// root is given, one file on disk per attachment row (hard links to one small file).
/// </summary>
internal static class Seeder
{
    private static readonly string[] Statuses = ["Pending", "Received", "Approved", "Cancelled"];
    private static readonly string[] Kinds = ["IdCardCopy", "PoliceReport", "Other", "Signature"];
    private static readonly string[] FirstNames = ["สมศักดิ์", "สมหญิง", "วิชัย", "มาลี", "ประเสริฐ", "สุดา", "อนันต์", "กาญจนา", "ธนพล", "พรทิพย์"];
    // Thai surnames are nearly unique by law: three syllables out of these give 32,768 of them,
    // so a search by surname finds tens of requests among a million, as it would in life.
    private static readonly string[] Syllables =
    [
        "ใจ", "ดี", "รัก", "ไทย", "สุข", "สันต์", "แสง", "ทอง", "มั่น", "คง", "ศรี", "บุญ", "มา", "วงศ์", "กุล", "ชัย",
        "เจริญ", "พร", "สวัสดิ์", "ธรรม", "นาค", "แก้ว", "คำ", "เงิน", "ฟ้า", "ประ", "เสริฐ", "วัฒน", "พงษ์", "สิทธิ์", "ทิพย์", "กิจ",
    ];

    private static string LastName(Random random) =>
        Syllables[random.Next(Syllables.Length)] + Syllables[random.Next(Syllables.Length)] + Syllables[random.Next(Syllables.Length)];

    public static async Task<int> RunAsync(string connectionString, int count, string keyFile, string outDir, string? storageRoot)
    {
        var watch = Stopwatch.StartNew();
        var protector = new PersonalDataProtector(Options.Create(new PersonalDataOptions { KeyFile = keyFile }));
        Directory.CreateDirectory(outDir);
        // No command time limit: with the counting trigger (ADR 0013) a million-row COPY takes minutes.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        var stations = new List<int>();
        await using (var read = new NpgsqlCommand("SELECT id FROM stations ORDER BY id", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stations.Add(reader.GetInt32(0));
            }
        }
        var random = new Random(20261129);
        var now = DateTimeOffset.UtcNow;
        var counters = new Dictionary<int, int>();
        var ids = new List<Guid>(count);
        var closedAt = new DateTimeOffset?[count];
        var statusOf = new string[count];
        var submitted = new DateTimeOffset[count];
        var keys = new List<string>(count * Kinds.Length);
        using var tokens = new StreamWriter(Path.Combine(outDir, "tokens.txt"));
        using var nationalIds = new StreamWriter(Path.Combine(outDir, "ids.txt"));
        using var references = new StreamWriter(Path.Combine(outDir, "refs.txt"));
        using var names = new StreamWriter(Path.Combine(outDir, "names.txt"));

        // A bulk load as an operator would run one: the counting trigger off during the COPY (one
        // transaction updating the same count rows a million times would crawl), the counts rebuilt after.
        await using (var off = new NpgsqlCommand("ALTER TABLE footage_requests DISABLE TRIGGER request_counts_follow", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        // Requests, oldest first, over the last three years.
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY footage_requests (id, reference_number, written_on, applicant_title, applicant_first_name, applicant_last_name, applicant_age, " +
            "applicant_ethnicity, applicant_nationality, applicant_address, applicant_phone, purpose, file_count, station_id, incident_date, incident_time, " +
            "reason, privacy_consent_notice_version, privacy_consent_text_sha256, privacy_consent_language, privacy_consent_accepted_at, status, submitted_at, " +
            "footage_overwritten_on, status_token_hash, applicant_id_country, applicant_id_kind, decided_at, applicant_id_cipher, applicant_id_index, signature_method) FROM STDIN (FORMAT BINARY)"))
        {
            var span = TimeSpan.FromDays(3 * 365);
            for (var i = 0; i < count; i++)
            {
                var at = now - span + TimeSpan.FromTicks(span.Ticks / count * i);
                submitted[i] = at;
                var day = BangkokTime.DateOf(at);
                var year = day.Year + 543;
                counters[year] = counters.GetValueOrDefault(year) + 1;
                var reference = $"CCTV-{year}-{counters[year]:D6}";
                var id = Guid.CreateVersion7(at);
                ids.Add(id);
                var nationalId = NationalId(random);
                var token = Base64Url(HMACSHA256.HashData("bench-tokens"u8, BitConverter.GetBytes(i)));
                var roll = random.Next(100);
                var status = at > now.AddDays(-30) ? (roll < 50 ? "Pending" : roll < 70 ? "Received" : roll < 90 ? "Approved" : "Cancelled")
                                                   : (roll < 2 ? "Pending" : roll < 4 ? "Received" : roll < 75 ? "Approved" : "Cancelled");
                statusOf[i] = status;
                closedAt[i] = status is "Approved" or "Cancelled" ? at.AddHours(random.Next(2, 24 * 10)) : null;
                var incident = day.AddDays(-random.Next(0, 10));
                var purpose = random.Next(2) == 0 ? "View" : "Copy";
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(reference, NpgsqlDbType.Varchar);
                await copy.WriteAsync(day, NpgsqlDbType.Date);
                await copy.WriteAsync(random.Next(2) == 0 ? "นาย" : "นาง", NpgsqlDbType.Varchar);
                await copy.WriteAsync(FirstNames[random.Next(FirstNames.Length)], NpgsqlDbType.Varchar);
                var lastName = LastName(random);
                await copy.WriteAsync(lastName, NpgsqlDbType.Varchar);
                await copy.WriteAsync(random.Next(18, 80), NpgsqlDbType.Integer);
                await copy.WriteAsync("ไทย", NpgsqlDbType.Varchar);
                await copy.WriteAsync("ไทย", NpgsqlDbType.Varchar);
                await copy.WriteAsync($"{random.Next(1, 999)} หมู่ {random.Next(1, 15)} ต.ศาลา อ.เกาะคา จ.ลำปาง 52130", NpgsqlDbType.Varchar);
                await copy.WriteAsync($"+668{random.Next(10_000_000, 99_999_999)}", NpgsqlDbType.Varchar);
                await copy.WriteAsync(purpose, NpgsqlDbType.Varchar);
                if (purpose == "Copy")
                {
                    await copy.WriteAsync(random.Next(1, 4), NpgsqlDbType.Integer);
                }
                else
                {
                    await copy.WriteNullAsync();
                }
                await copy.WriteAsync(stations[random.Next(stations.Count)], NpgsqlDbType.Integer);
                await copy.WriteAsync(incident, NpgsqlDbType.Date);
                await copy.WriteAsync(new TimeOnly(random.Next(24), random.Next(60)), NpgsqlDbType.Time);
                await copy.WriteAsync("ต้องการขอข้อมูลภาพเหตุการณ์เพื่อใช้ประกอบการแจ้งความกับเจ้าหน้าที่ตำรวจ", NpgsqlDbType.Varchar);
                await copy.WriteAsync("2569-1", NpgsqlDbType.Varchar);
                await copy.WriteAsync(new string('a', 64), NpgsqlDbType.Char);
                await copy.WriteAsync("th", NpgsqlDbType.Char);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(status, NpgsqlDbType.Varchar);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(incident.AddDays(30), NpgsqlDbType.Date);
                await copy.WriteAsync(SHA256.HashData(Encoding.ASCII.GetBytes(token)), NpgsqlDbType.Bytea);
                await copy.WriteNullAsync();
                await copy.WriteAsync("NationalId", NpgsqlDbType.Varchar);
                if (closedAt[i] is { } closed)
                {
                    await copy.WriteAsync(closed, NpgsqlDbType.TimestampTz);
                }
                else
                {
                    await copy.WriteNullAsync();
                }
                await copy.WriteAsync(protector.Encrypt(nationalId), NpgsqlDbType.Bytea);
                await copy.WriteAsync(protector.Of(IdentityDocumentKind.NationalId, nationalId), NpgsqlDbType.Bytea);
                await copy.WriteAsync("Drawn", NpgsqlDbType.Varchar);
                if (i % (count / 10_000 + 1) == 0)
                {
                    await tokens.WriteLineAsync(token);
                    await nationalIds.WriteLineAsync(nationalId);
                    await references.WriteLineAsync(reference);
                    await names.WriteLineAsync(Uri.EscapeDataString(lastName));
                }
            }
            await copy.CompleteAsync();
        }
        await using (var on = new NpgsqlCommand("ALTER TABLE footage_requests ENABLE TRIGGER request_counts_follow; SELECT request_counts_rebuild();", connection))
        {
            await on.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"  requests: {count:N0} in {watch.Elapsed.TotalSeconds:F0} s");

        // History: submitted, then received and a decision for the closed ones.
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY status_changes (id, \"from\", \"to\", actor, actor_name, at, cancellation_reason, public_message, request_id) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                await Change(copy, null, "Pending", "citizen", "ผู้ยื่นคำร้อง", submitted[i], null, null, ids[i]);
                if (statusOf[i] is "Received" or "Approved")
                {
                    await Change(copy, "Pending", "Received", "officer", "เจ้าหน้าที่ ทดสอบ", submitted[i].AddHours(1), null, null, ids[i]);
                }
                if (statusOf[i] == "Approved")
                {
                    await Change(copy, "Received", "Approved", "approver", "ผู้อนุมัติ ทดสอบ", closedAt[i]!.Value, null, null, ids[i]);
                }
                if (statusOf[i] == "Cancelled")
                {
                    await Change(copy, "Pending", "Cancelled", "officer", "เจ้าหน้าที่ ทดสอบ", closedAt[i]!.Value, "WrongAttachments", "สำเนาบัตรไม่ชัด", ids[i]);
                }
            }
            await copy.CompleteAsync();
        }
        Console.WriteLine($"  history: done at {watch.Elapsed.TotalSeconds:F0} s");

        // Four attachment rows per request.
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY request_attachments (id, kind, storage_key, file_name, content_type, size_bytes, sha256, request_id) FROM STDIN (FORMAT BINARY)"))
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData("bench"u8));
            for (var i = 0; i < count; i++)
            {
                foreach (var kind in Kinds)
                {
                    var key = $"{submitted[i]:yyyy}/{submitted[i]:MM}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}{(kind == "Signature" ? ".png" : ".pdf")}";
                    keys.Add(key);
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.CreateVersion7(submitted[i]), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(kind, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(key, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(kind == "Signature" ? "signature.png" : $"{kind.ToLowerInvariant()}.pdf", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(kind == "Signature" ? "image/png" : "application/pdf", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(1024L * 200, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(hash, NpgsqlDbType.Char);
                    await copy.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                }
            }
            await copy.CompleteAsync();
        }
        Console.WriteLine($"  attachments: {keys.Count:N0} at {watch.Elapsed.TotalSeconds:F0} s");

        await using (var counter = new NpgsqlCommand(
            "INSERT INTO reference_counters (year, last_value) SELECT y, v FROM unnest(@years, @values) AS t(y, v) " +
            "ON CONFLICT (year) DO UPDATE SET last_value = GREATEST(reference_counters.last_value, EXCLUDED.last_value);", connection))
        {
            counter.Parameters.AddWithValue("years", counters.Keys.ToArray());
            counter.Parameters.AddWithValue("values", counters.Values.ToArray());
            await counter.ExecuteNonQueryAsync();
        }
        // As autovacuum would leave it after a while: statistics and the visibility map.
        await using (var vacuum = new NpgsqlCommand("VACUUM (ANALYZE)", connection) { CommandTimeout = 0 })
        {
            await vacuum.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"  counters and VACUUM (ANALYZE) at {watch.Elapsed.TotalSeconds:F0} s");

        if (storageRoot is not null)
        {
            // One directory entry per attachment, all hard links to one small file: the start-up sweep's real load.
            // (A file system allows about 65,000 links per file: a new source every 60,000.)
            var objects = Path.Combine(storageRoot, "objects");
            foreach (var folder in keys.Select(k => Path.GetDirectoryName(k)!).Distinct())
            {
                Directory.CreateDirectory(Path.Combine(objects, folder));
            }
            var source = string.Empty;
            for (var n = 0; n < keys.Count; n++)
            {
                if (n % 60_000 == 0)
                {
                    source = Path.Combine(storageRoot, $"bench-source-{n}.pdf");
                    await File.WriteAllBytesAsync(source, "%PDF-1.4\n%%EOF\n"u8.ToArray());
                }
                Link(source, Path.Combine(objects, keys[n]));
            }
            foreach (var file in Directory.GetFiles(storageRoot, "bench-source-*.pdf"))
            {
                File.Delete(file);
            }
            Console.WriteLine($"  files: {keys.Count:N0} at {watch.Elapsed.TotalSeconds:F0} s");
        }
        return 0;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int link(string oldpath, string newpath);

    private static void Link(string source, string target)
    {
        if (link(source, target) != 0)
        {
            throw new IOException($"link {target}: errno {System.Runtime.InteropServices.Marshal.GetLastWin32Error()}");
        }
    }

    private static async Task Change(NpgsqlBinaryImporter copy, string? from, string to, string actor, string name, DateTimeOffset at, string? reason, string? message, Guid request)
    {
        await copy.StartRowAsync();
        await copy.WriteAsync(Guid.CreateVersion7(at), NpgsqlDbType.Uuid);
        if (from is null)
        {
            await copy.WriteNullAsync();
        }
        else
        {
            await copy.WriteAsync(from, NpgsqlDbType.Varchar);
        }
        await copy.WriteAsync(to, NpgsqlDbType.Varchar);
        await copy.WriteAsync(actor, NpgsqlDbType.Varchar);
        await copy.WriteAsync(name, NpgsqlDbType.Varchar);
        await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
        if (reason is null)
        {
            await copy.WriteNullAsync();
            await copy.WriteNullAsync();
        }
        else
        {
            await copy.WriteAsync(reason, NpgsqlDbType.Varchar);
            await copy.WriteAsync(message!, NpgsqlDbType.Varchar);
        }
        await copy.WriteAsync(request, NpgsqlDbType.Uuid);
    }

    private static string NationalId(Random random)
    {
        Span<char> digits = stackalloc char[13];
        digits[0] = (char)('1' + random.Next(8));
        for (var i = 1; i < 12; i++)
        {
            digits[i] = (char)('0' + random.Next(10));
        }
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (digits[i] - '0') * (13 - i);
        }
        digits[12] = (char)('0' + ((11 - (sum % 11)) % 10));
        return new string(digits);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// The outbox's backlog drained by the running API: the rows of a prepared table (messages the product composed,
/// cloned) committed into <c>outbox_messages</c> at once (its trigger wakes the dispatcher), then, until none is
/// left to send: the longest-running transaction that may hold row locks on <c>outbox_messages</c> (it holds the
/// table's RowShareLock or RowExclusiveLock; a row lock lasts no longer than its transaction; autovacuum's and this
/// tool's own are left out), sampled every few milliseconds, and the wait of an UPDATE of a message, one in
/// flight (claimed, being sent) and one next in line, in turn. Prints one JSON line; times from the database's clock.
/// </summary>
internal static class Drain
{
    private sealed record Probe(string Kind, double Milliseconds);

    public static async Task<int> RunAsync(string connectionString, string table)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, Pooling = false, ApplicationName = "bench-drain" }.ConnectionString;
        await using var insert = await OpenAsync(cs);
        await using var sampler = await OpenAsync(cs);
        await using var prober = await OpenAsync(cs);
        await using var poller = await OpenAsync(cs);
        var ours = new List<int>();
        foreach (var c in new[] { insert, sampler, prober, poller })
        {
            ours.Add((int)(await ScalarAsync(c, "SELECT pg_backend_pid()"))!);
        }
        var count = (long)(await ScalarAsync(poller, $"SELECT count(*) FROM {table}"))!;
        var pending = (long)(await ScalarAsync(poller, "SELECT count(*) FROM outbox_messages WHERE status IN ('Queued', 'Failed')"))!;
        if (pending != 0)
        {
            Console.Error.WriteLine($"{pending} messages are waiting already: drain them first");
            return 1;
        }

        await using (var copy = new NpgsqlCommand($"INSERT INTO outbox_messages SELECT * FROM {table}", insert))
        {
            await copy.ExecuteNonQueryAsync();
        }
        var start = (DateTime)(await ScalarAsync(insert, "SELECT clock_timestamp()"))!;
        using var done = new CancellationTokenSource();
        var longest = (Ms: 0.0, Query: string.Empty);
        var samples = 0;
        var sampling = Task.Run(async () =>
        {
            await using var sample = new NpgsqlCommand(
                "SELECT (extract(epoch FROM clock_timestamp() - a.xact_start) * 1000)::float8, left(regexp_replace(a.query, '\\s+', ' ', 'g'), 90) " +
                "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid " +
                "WHERE l.relation = 'outbox_messages'::regclass AND l.mode IN ('RowShareLock', 'RowExclusiveLock') AND a.backend_type = 'client backend' " +
                "AND a.xact_start IS NOT NULL AND NOT (l.pid = ANY(@ours)) ORDER BY 1 DESC LIMIT 1", sampler);
            sample.Parameters.AddWithValue("ours", ours.ToArray());
            while (!done.IsCancellationRequested)
            {
                await using (var reader = await sample.ExecuteReaderAsync())
                {
                    if (await reader.ReadAsync() && reader.GetDouble(0) > longest.Ms)
                    {
                        longest = (reader.GetDouble(0), reader.GetString(1));
                    }
                }
                samples++;
                await Task.Delay(5);
            }
        });
        var probes = new List<Probe>();
        var probing = Task.Run(async () =>
        {
            var inFlight = true;
            while (!done.IsCancellationRequested)
            {
                var pick = inFlight
                    ? "SELECT id FROM outbox_messages WHERE status = 'Queued' AND lease_until IS NOT NULL ORDER BY next_attempt_at LIMIT 1"
                    : "SELECT id FROM outbox_messages WHERE status = 'Queued' AND lease_until IS NULL ORDER BY next_attempt_at LIMIT 1 OFFSET 10";
                if (await ScalarAsync(prober, pick) is Guid id)
                {
                    await using var update = new NpgsqlCommand("UPDATE outbox_messages SET last_error = last_error WHERE id = @id", prober);
                    update.Parameters.AddWithValue("id", id);
                    var watch = Stopwatch.StartNew();
                    await update.ExecuteNonQueryAsync();
                    probes.Add(new Probe(inFlight ? "in flight" : "next in line", watch.Elapsed.TotalMilliseconds));
                }
                inFlight = !inFlight;
                await Task.Delay(10);
            }
        });
        var deadline = Stopwatch.StartNew();
        long left;
        do
        {
            await Task.Delay(100);
            left = (long)(await ScalarAsync(poller, "SELECT count(*) FROM outbox_messages WHERE status = 'Queued'"))!;
        }
        while (left > 0 && deadline.Elapsed < TimeSpan.FromMinutes(10));
        await done.CancelAsync();
        await Task.WhenAll(sampling, probing);

        await using var summary = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE status = 'Sent'), count(*) FILTER (WHERE status = 'Failed'), count(*) FILTER (WHERE status = 'GivenUp'), " +
            "extract(epoch FROM max(sent_at) - @start)::float8 FROM outbox_messages WHERE id IN (SELECT id FROM " + table + ")", poller);
        summary.Parameters.AddWithValue("start", start);
        await using var result = await summary.ExecuteReaderAsync();
        await result.ReadAsync();
        var (sent, failed, givenUp, seconds) = (result.GetInt64(0), result.GetInt64(1), result.GetInt64(2), result.IsDBNull(3) ? 0 : result.GetDouble(3));
        object Stats(string kind)
        {
            var waits = probes.Where(p => p.Kind == kind).Select(p => p.Milliseconds).Order().ToList();
            double At(double q) => waits.Count == 0 ? 0 : Math.Round(waits[(int)Math.Round(q * (waits.Count - 1))], 2);
            return new { probes = waits.Count, p50_ms = At(0.5), p99_ms = At(0.99), max_ms = At(1) };
        }
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
        {
            messages = count,
            sent,
            failed,
            given_up = givenUp,
            seconds = Math.Round(seconds, 2),
            per_second = seconds > 0 ? Math.Round(sent / seconds, 1) : 0,
            longest_lock_ms = Math.Round(longest.Ms, 2),
            longest_lock_statement = longest.Query,
            lock_samples = samples,
            update_in_flight = Stats("in flight"),
            update_next_in_line = Stats("next in line"),
        }));
        return left == 0 && failed == 0 && givenUp == 0 ? 0 : 1;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
