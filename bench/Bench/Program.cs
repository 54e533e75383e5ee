using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CctvRequests.Domain.Common;
using CctvRequests.Infrastructure.Security;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

// bench/Bench: `seed <connection> <count> <key file> <out dir> [<storage root>]`, `bare <port>`, `drain <connection> <backlog table>`,
// `locks <connection> [<counter tables>]` (lock waits sampled until stdin closes) and `receiver <port> <secrets file>` (a webhook endpoint).
return args switch
{
    ["seed", var connection, var count, var keyFile, var outDir, .. var rest] =>
        await Seeder.RunAsync(connection, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), keyFile, outDir, rest.FirstOrDefault()),
    ["bare", var port, .. var folder] => Bare.Run(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), folder.FirstOrDefault()),
    ["drain", var connection, var table] => await Drain.RunAsync(connection, table),
    ["locks", var connection, .. var counters] => await Locks.RunAsync(connection, counters.FirstOrDefault() ?? "request_counts,request_totals"),
    ["receiver", var port, var secrets] => Receiver.Run(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), secrets),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Bench seed <connection> <count> <key file> <out dir> [<storage root>] | Bench bare <port> [<file folder>] | Bench drain <connection> <backlog table> " +
        "| Bench locks <connection> [<counter tables, comma-separated>] | Bench receiver <port> <secrets file>");
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

/// <summary>
/// Lock waits among the bench database's backends, sampled every ~5 ms from a connection of its own until stdin
/// closes (the caller's load has ended); prints "ready" first and one JSON line at the end. Per sample: every backend
/// whose <c>wait_event_type</c> is <c>Lock</c>, by <c>wait_event</c> (tuple, transactionid, relation, advisory...),
/// with the first 60 characters of its statement and the state and statement of the backends that block it
/// (<c>pg_blocking_pids</c>: "idle in transaction" with the last statement it ran, when the lock is held while the API
/// does something else before its commit). pg_stat_activity shows the top-level statement only (the INSERT or UPDATE of
/// footage_requests, not the trigger's statement inside it), so each wait is put on a table from pg_locks:
/// <list type="bullet">
/// <item>a wait on a <c>tuple</c> or <c>relation</c> lock names its table (exact);</item>
/// <item>a <c>transactionid</c> wait by a backend that holds a tuple lock (an UPDATE queued first on a row another
/// transaction changed) names that tuple's table (exact);</item>
/// <item>a <c>transactionid</c> wait without a tuple lock (the unique-index check of <c>INSERT ... ON CONFLICT</c>,
/// which waits for the transaction that changed the conflicting row) is put on the counter tables when its
/// transaction has already written one of them (holds its RowExclusiveLock): in this product's transactions the
/// counters are written by the trigger of the footage_requests statement and nothing after it waits on a row
/// (inferred); otherwise on the last of <c>reference_counters</c> it has written (inferred), else "unknown".</item>
/// </list>
/// "Counter" waits are those on the tables named by the argument (default request_counts,request_totals), exact and
/// inferred counted apart; a changed counter scheme (e.g. delta rows inserted) is measured by naming its tables.
/// </summary>
internal static class Locks
{
    private const string Sample = """
        SELECT a.pid, a.wait_event, left(regexp_replace(coalesce(a.query, ''), '\s+', ' ', 'g'), 60), a.query_start,
               k.waited, k.tuples, k.written,
               (SELECT string_agg(coalesce(b.state, '?') || ': ' || left(regexp_replace(coalesce(b.query, ''), '\s+', ' ', 'g'), 60), ' | ' ORDER BY b.pid)
                  FROM pg_stat_activity b WHERE b.pid = ANY (pg_blocking_pids(a.pid)))
        FROM pg_stat_activity a
        LEFT JOIN LATERAL (
          SELECT max(l.relation::regclass::text) FILTER (WHERE NOT l.granted) AS waited,
                 string_agg(DISTINCT l.relation::regclass::text, ',') FILTER (WHERE l.granted AND l.locktype = 'tuple') AS tuples,
                 array_agg(DISTINCT l.relation::regclass::text) FILTER (WHERE l.granted AND l.locktype = 'relation' AND l.mode = 'RowExclusiveLock') AS written
          FROM pg_locks l WHERE l.pid = a.pid) k ON true
        WHERE a.datname = current_database() AND a.wait_event_type = 'Lock' AND a.pid <> pg_backend_pid()
        """;

    private sealed record Waiter(int Pid, string Event, string Query, DateTime? Started, string Table, bool Exact, string Blockers);

    public static async Task<int> RunAsync(string connectionString, string counterList)
    {
        var counters = counterList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var cs = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "bench-locks", CommandTimeout = 30 }.ConnectionString;
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sample, connection);
        await command.PrepareAsync();
        var stop = Task.Run(() => Console.In.ReadToEnd());
        Console.WriteLine("ready");
        Console.Out.Flush();

        var watch = Stopwatch.StartNew();
        int samples = 0, waitingSamples = 0, rowSamples = 0, counterSamples = 0, maxWaiters = 0, maxCounter = 0;
        long waiterSum = 0, counterSum = 0, counterExact = 0, counterInferred = 0;
        var byEvent = new Dictionary<string, long>(StringComparer.Ordinal);
        var byTable = new Dictionary<string, long>(StringComparer.Ordinal);
        var waiting = new Dictionary<string, long>(StringComparer.Ordinal);
        var blocking = new Dictionary<string, long>(StringComparer.Ordinal);
        // A wait's length: from the first sample that saw this backend waiting in this statement to the last.
        var seen = new Dictionary<(int, DateTime?), (double First, double Last, string What)>();
        while (!stop.IsCompleted)
        {
            var now = watch.Elapsed.TotalMilliseconds;
            var waiters = new List<Waiter>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var waited = reader.IsDBNull(4) ? null : reader.GetString(4);
                    var tuples = reader.IsDBNull(5) ? null : reader.GetString(5);
                    var written = reader.IsDBNull(6) ? [] : reader.GetFieldValue<string[]>(6);
                    var (table, exact) = waited is not null ? (waited, true)
                        : tuples is not null ? (tuples, true)
                        : written.FirstOrDefault(counters.Contains) is { } counter ? (counter, false)
                        : written.Contains("reference_counters") ? ("reference_counters", false)
                        : ("unknown", false);
                    waiters.Add(new Waiter(reader.GetInt32(0), reader.IsDBNull(1) ? "?" : reader.GetString(1), reader.GetString(2),
                        reader.IsDBNull(3) ? null : reader.GetDateTime(3), table, exact, reader.IsDBNull(7) ? "(none)" : reader.GetString(7)));
                }
            }
            samples++;
            var counterWaiters = waiters.Count(w => IsCounter(w.Table, counters));
            waiterSum += waiters.Count;
            counterSum += counterWaiters;
            maxWaiters = Math.Max(maxWaiters, waiters.Count);
            maxCounter = Math.Max(maxCounter, counterWaiters);
            waitingSamples += waiters.Count > 0 ? 1 : 0;
            rowSamples += waiters.Any(w => w.Event is "tuple" or "transactionid") ? 1 : 0;
            counterSamples += counterWaiters > 0 ? 1 : 0;
            foreach (var w in waiters)
            {
                var counter = IsCounter(w.Table, counters);
                if (counter)
                {
                    counterExact += w.Exact ? 1 : 0;
                    counterInferred += w.Exact ? 0 : 1;
                }
                var table = $"{w.Table}{(w.Exact ? string.Empty : " (inferred)")}";
                Add(byEvent, w.Event);
                Add(byTable, table);
                Add(waiting, $"{w.Event} on {table}: {w.Query}");
                Add(blocking, $"{table} <- {(w.Blockers.Length > 130 ? w.Blockers[..130] + "…" : w.Blockers)}");
                var key = (w.Pid, w.Started);
                seen[key] = seen.TryGetValue(key, out var s) ? (s.First, now, s.What) : (now, now, $"{w.Event} on {table}: {w.Query}");
            }
            await Task.Delay(5);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var total = byEvent.Values.Sum();
        object Top(Dictionary<string, long> counts, int n) => counts.OrderByDescending(c => c.Value).Take(n)
            .Select(c => new { what = c.Key, share = total == 0 ? 0 : Math.Round(100.0 * c.Value / total, 1) }).ToList();
        var interval = samples == 0 ? 0 : seconds * 1000 / samples;
        var longest = seen.Values.OrderByDescending(s => s.Last - s.First).FirstOrDefault();
        double Share(int n) => samples == 0 ? 0 : Math.Round(100.0 * n / samples, 1);
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
        {
            samples,
            seconds = Math.Round(seconds, 1),
            interval_ms = Math.Round(interval, 2),
            counter_tables = string.Join(",", counters),
            share_waiting = Share(waitingSamples),
            share_row_wait = Share(rowSamples),
            share_counter_wait = Share(counterSamples),
            mean_waiters = samples == 0 ? 0 : Math.Round((double)waiterSum / samples, 2),
            max_waiters = maxWaiters,
            mean_counter_waiters = samples == 0 ? 0 : Math.Round((double)counterSum / samples, 2),
            max_counter_waiters = maxCounter,
            counter_exact = counterExact,
            counter_inferred = counterInferred,
            waiter_samples = total,
            by_event = byEvent,
            by_table = byTable,
            top_waiting = Top(waiting, 6),
            top_blockers = Top(blocking, 5),
            // At least as long as seen: a wait that began and ended between two samples is not in it.
            longest_wait_ms = longest.What is null ? 0 : Math.Round(longest.Last - longest.First + interval, 1),
            longest_wait = longest.What ?? string.Empty,
        }));
        return 0;
    }

    private static bool IsCounter(string table, HashSet<string> counters) => table.Split(',').Any(counters.Contains);

    private static void Add(Dictionary<string, long> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}

/// <summary>
/// An integrator's webhook endpoint: <c>POST /hook</c> verifies each delivery as the Standard Webhooks specification
/// says, by hand (HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c> with the base64 key after
/// <c>whsec_</c>, compared with each <c>v1,</c> signature of the header; the timestamp within 5 minutes of this
/// clock), against the secrets listed in the file (one a line, read again when none matches), and answers 204, or 400
/// when it does not verify (so the product counts it as failed). <c>GET /stats</c> answers the counts as JSON,
/// <c>GET /ids</c> every verified <c>webhook-id</c> with how many times it came.
/// </summary>
internal static class Receiver
{
    public static int Run(int port, string secretsFile)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var secrets = Array.Empty<byte[]>();
        var gate = new Lock();
        var ids = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var types = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        long deliveries = 0, badSignature = 0, staleTimestamp = 0, badBody = 0;

        byte[][] Load()
        {
            if (!File.Exists(secretsFile))
            {
                return [];
            }
            return File.ReadAllLines(secretsFile).Select(l => l.Trim()).Where(l => l.Length > 0)
                .Select(l => Convert.FromBase64String(l.StartsWith("whsec_", StringComparison.Ordinal) ? l["whsec_".Length..] : l)).ToArray();
        }

        static bool Matches(byte[][] keys, byte[] signed, string header)
        {
            var given = new byte[64];
            foreach (var key in keys)
            {
                var expected = HMACSHA256.HashData(key, signed);
                foreach (var part in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (part.StartsWith("v1,", StringComparison.Ordinal))
                    {
                        if (Convert.TryFromBase64String(part[3..], given, out var n) && CryptographicOperations.FixedTimeEquals(given.AsSpan(0, n), expected))
                        {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        app.MapPost("/hook", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref deliveries);
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var text = Encoding.UTF8.GetString(body.ToArray());
            var id = request.Headers["webhook-id"].ToString();
            var timestamp = request.Headers["webhook-timestamp"].ToString();
            var signature = request.Headers["webhook-signature"].ToString();
            var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.{text}");
            if (!Matches(Volatile.Read(ref secrets), signed, signature))
            {
                lock (gate)
                {
                    secrets = Load();
                }
                if (!Matches(secrets, signed, signature))
                {
                    Interlocked.Increment(ref badSignature);
                    return Results.BadRequest("signature");
                }
            }
            if (!long.TryParse(timestamp, out var at) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - at) > 300)
            {
                Interlocked.Increment(ref staleTimestamp);
                return Results.BadRequest("timestamp");
            }
            try
            {
                using var json = System.Text.Json.JsonDocument.Parse(text);
                types.AddOrUpdate(json.RootElement.GetProperty("type").GetString() ?? "?", 1, (_, n) => n + 1);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
            {
                Interlocked.Increment(ref badBody);
                return Results.BadRequest("body");
            }
            ids.AddOrUpdate(id, 1, (_, n) => n + 1);
            return Results.NoContent();
        });
        app.MapGet("/stats", () => Results.Json(new
        {
            deliveries = Interlocked.Read(ref deliveries),
            verified = ids.Values.Sum(),
            unique = ids.Count,
            repeated = ids.Values.Count(n => n > 1),
            bad_signature = Interlocked.Read(ref badSignature),
            stale_timestamp = Interlocked.Read(ref staleTimestamp),
            bad_body = Interlocked.Read(ref badBody),
            types,
        }));
        app.MapGet("/ids", () => Results.Text(string.Concat(ids.Select(p => $"{p.Key} {p.Value}\n"))));
        app.Run();
        return 0;
    }
}
