#!/usr/bin/env bash
# The benchmark, in one run on one machine: a fresh PostgreSQL with COUNT requests (default
# 1,000,000, each with its history and four attachment rows and files), the API built in Release,
# and wrk against every read the product serves, beside the two ceilings (a bare Kestrel endpoint,
# pgbench -S). Prints one table: requests/s, p50, p95, p99, and each figure's share of its ceiling.
#   bench/run.sh                  # everything (about 30 minutes on 2 cores, ~6 GB of disk)
#   BENCH_COUNT=100000 BENCH_SECONDS=5 bench/run.sh   # a quick look
# Settings: BENCH_COUNT, BENCH_SECONDS (per measure, default 10), BENCH_CONNECTIONS (default 32),
# BENCH_FILES=0 (no files on disk: skips the 4,000,000-file start-up measure), BENCH_KEEP=1 (keep the
# work folder), BENCH_WORK=<a kept work folder> (measure again on its data, no seeding),
# BENCH_API_DLL=<another build's CctvRequests.Api.dll> (e.g. an older commit, for a before/after),
# BENCH_STORAGE=s3 (attachments in a bucket of s3rver, started here; implies BENCH_FILES=0: the seeded
# rows' files are not in the bucket, so only the submissions and uploads touch it),
# BENCH_OUTBOX=0 (skip the outbox: decisions with and without an e-mail asked, and a backlog drained to aiosmtpd),
# BENCH_DECISIONS (requests decided per case, default 300), BENCH_BACKLOG (messages drained, default 10000),
# BENCH_BACKUP=1 (backup and restore-check of the seeded data, timed; =only stops after them), e.g.
#   BENCH_COUNT=100000 BENCH_BACKUP=only bench/run.sh
# BENCH_CLIPS=0 (skip the copy delivered online: a clip of BENCH_CLIP_MB (default 2048) uploaded and downloaded beside a
# bare Kestrel file endpoint, then BENCH_CLIP_DOWNLOADS (default 10) downloads at once of BENCH_CLIP_SMALL_MB (default 500)),
# BENCH_READS=0 (skip the read, submission and upload measures: only the sections after them).
# BENCH_CONTENTION=0 (skip the write contention: 8 threads submitting and 8 receiving then approving for
# BENCH_CONTENTION_SECONDS (default 30) after BENCH_CONTENTION_PREPARED (default 2000) submissions for the deciders, while
# bench/Bench locks samples the lock waits; BENCH_COUNTER_TABLES (default request_counts,request_totals) names the tables
# whose waits count as waits on the counters: name the new ones to measure a changed counter scheme),
# BENCH_WEBHOOKS=0 (skip the webhooks: BENCH_WEBHOOK_DECISIONS (default 300) decisions per case without and with a webhook
# subscribed, then BENCH_WEBHOOK_BACKLOG (default 5000) due deliveries drained to bench/Bench receiver, which verifies
# each signature), BENCH_APPOINTMENTS=0 (skip the bookings: BENCH_APPOINTMENT_SAME (default 100) of one slot at once, then
# BENCH_APPOINTMENT_SPREAD (default 200) of distinct slots, 16 at a time).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

COUNT=${BENCH_COUNT:-1000000}
SECONDS_EACH=${BENCH_SECONDS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
FILES=${BENCH_FILES:-1}
STORAGE=${BENCH_STORAGE:-local}
[ "$STORAGE" = s3 ] && FILES=0
OUTBOX=${BENCH_OUTBOX:-1}
DECISIONS=${BENCH_DECISIONS:-300}
BACKLOG=${BENCH_BACKLOG:-10000}
CLIPS=${BENCH_CLIPS:-1}
READS=${BENCH_READS:-1}
CONTENTION=${BENCH_CONTENTION:-1}
CONTENTION_SECONDS=${BENCH_CONTENTION_SECONDS:-30}
CONTENTION_PREPARED=${BENCH_CONTENTION_PREPARED:-2000}
WEBHOOKS=${BENCH_WEBHOOKS:-1}
WEBHOOK_DECISIONS=${BENCH_WEBHOOK_DECISIONS:-300}
WEBHOOK_BACKLOG=${BENCH_WEBHOOK_BACKLOG:-5000}
APPOINTMENTS=${BENCH_APPOINTMENTS:-1}
APPOINTMENT_SAME=${BENCH_APPOINTMENT_SAME:-100}
APPOINTMENT_SPREAD=${BENCH_APPOINTMENT_SPREAD:-200}

ensure_dotnet
ensure_debian_packages postgresql wrk curl python3
[ "$OUTBOX" = 1 ] && ensure_debian_packages python3-aiosmtpd
[ "$CLIPS" = 1 ] && ensure_debian_packages ffmpeg

REUSE=0
if [ -n "${BENCH_WORK:-}" ]; then
  WORK=$BENCH_WORK; REUSE=1
  [ -d "$WORK/pg" ] && [ -f "$WORK/samples/tokens.txt" ] || die "$WORK is not a kept benchmark folder"
else
  WORK=$(mktemp -d /tmp/cctv-bench.XXXXXX)
fi
API_PID=
BARE_PID=
SMTP_PID=
RECV_PID=
cleanup() {
  set +e
  [ -n "$RECV_PID" ] && kill "$RECV_PID" 2>/dev/null && wait "$RECV_PID" 2>/dev/null
  [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null
  [ -n "$BARE_PID" ] && kill "$BARE_PID" 2>/dev/null && wait "$BARE_PID" 2>/dev/null
  [ -n "$SMTP_PID" ] && kill "$SMTP_PID" 2>/dev/null && wait "$SMTP_PID" 2>/dev/null
  stop_cluster "$WORK/pg"
  stop_s3rver "$WORK/s3"
  if [ "${BENCH_KEEP:-0}" = 1 ] || [ "$REUSE" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

RESULTS="$WORK/results.jsonl"
: > "$RESULTS"
note() { python3 -c 'import json,sys; print(json.dumps({"name": sys.argv[1], "text": sys.argv[2]}))' "$1" "$2" >> "$RESULTS"; log "$1: $2"; }

log "building (Release)"
dotnet build src/Api -c Release -v q -nologo >/dev/null
dotnet build bench/Bench -c Release -v q -nologo >/dev/null
API_DLL=${BENCH_API_DLL:-"$PWD/src/Api/bin/Release/net10.0/CctvRequests.Api.dll"}
BENCH_DLL="$PWD/bench/Bench/bin/Release/net10.0/CctvRequests.Bench.dll"

PGPORT=$(free_port)
# Durability as in production (fsync on); memory for a database of a few GB.
[ "$REUSE" = 1 ] || rm -rf "$WORK/pg"
start_cluster "$WORK/pg" "$PGPORT" max_connections=300 shared_buffers=1GB effective_cache_size=4GB work_mem=16MB maintenance_work_mem=512MB
[ "$REUSE" = 1 ] || "$(pg_bindir)/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres cctvbench
CONN="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=cctvbench"

KEYS="$WORK/keys.json"
[ "$REUSE" = 1 ] || (umask 077; printf '{"encryptionKeys":{"1":"%s"},"currentKey":"1","indexKey":"%s"}\n' "$(head -c 32 /dev/urandom | base64)" "$(head -c 32 /dev/urandom | base64)" > "$KEYS")
mkdir -p "$WORK/files"
APIPORT=$(free_port)
BASE="http://127.0.0.1:$APIPORT"
API_ENV=(ConnectionStrings__Default="$CONN" Storage__Root="$WORK/files" ASPNETCORE_URLS="$BASE" App__PublicBaseUrl="$BASE" \
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_CONTENTROOT="$(dirname "$API_DLL")" PersonalData__KeyFile="$KEYS" Retention__Enabled=false \
    RateLimiting__Lookup__PermitLimit=1000000000 RateLimiting__Submission__PermitLimit=1000000000 \
    RateLimiting__SubmissionPerDocument__PermitLimit=1000000000 RateLimiting__Status__PermitLimit=1000000000 \
    RateLimiting__AppointmentCheck__PermitLimit=1000000000 RateLimiting__ApiClient__PermitLimit=1000000000 \
    Integrations__Webhooks__AllowPlainHttp=true Integrations__Webhooks__AllowedNetworks=127.0.0.1/32 \
    Limits__ConcurrentSubmissions=64 Limits__SubmissionQueue=128 CCTV_ADMIN_PASSWORD="bench passphrase 2569")
if [ "$STORAGE" = s3 ]; then
  S3PORT=$(free_port)
  start_s3rver "$WORK/s3" "$S3PORT"
  API_ENV+=(Storage__Provider=S3 Storage__S3__ServiceUrl="http://127.0.0.1:$S3PORT" Storage__S3__Bucket=cctvbench \
    Storage__S3__AccessKey=S3RVER Storage__S3__SecretKey=S3RVER Storage__S3__CreateBucket=true)
  note "storage" "S3: s3rver 3.7.1 on 127.0.0.1:$S3PORT (Node.js, one process, a test server, not a production one)"
else
  note "storage" "local folder $WORK/files"
fi
start_api() {
  local started=$SECONDS
  # env replaces itself with dotnet: $! is the API's own process (for kill and for its RSS).
  env "${API_ENV[@]}" dotnet "$API_DLL" >> "$WORK/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "$BASE/healthz" && { STARTUP_MS=$(( (SECONDS - started) * 1000 )); return 0; }
    kill -0 "$API_PID" 2>/dev/null || { tail -30 "$WORK/api.log" >&2; die "the API stopped"; }
    sleep 0.1
  done
  die "the API did not answer /healthz"
}
stop_api() { kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=; }
# A start, then the background reconciliation of the stored files over before anything is measured.
start_api_reconciled() {
  local lines; lines=$(wc -l < "$WORK/api.log")
  start_api
  for _ in $(seq 1 3000); do tail -n +"$((lines + 1))" "$WORK/api.log" | grep -q "storage reconciliation is done" && break; sleep 0.2; done
}
PSQL=("$(pg_bindir)/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d cctvbench -tA)

log "migrating"
start_api
stop_api

if [ "$REUSE" = 1 ]; then
  COUNT=$("${PSQL[@]}" -c "SELECT count(*) FROM footage_requests")
  FILES=$([ -n "$(ls -A "$WORK/files" 2>/dev/null)" ] && echo 1 || echo 0)
  note "seed" "reused $WORK: $COUNT requests; database $("${PSQL[@]}" -c "SELECT pg_size_pretty(pg_database_size('cctvbench'))")"
else
  log "seeding $COUNT requests"
  SEED_START=$SECONDS
  if [ "$FILES" = 1 ]; then
    dotnet "$BENCH_DLL" seed "$CONN" "$COUNT" "$KEYS" "$WORK/samples" "$WORK/files"
  else
    dotnet "$BENCH_DLL" seed "$CONN" "$COUNT" "$KEYS" "$WORK/samples"
  fi
  # Years of viewings: an attended visit for one approved viewing request in five (every status read looks for the
  # latest visit; with the visits of every request in the table, a read that scanned them all would show here).
  "${PSQL[@]}" -qc "INSERT INTO appointments (id, place_id, starts_at, ends_at, seat, status, booked_at, booked_by_id, booked_by_name,
      change_until, reminder_due_at, request_id)
    SELECT gen_random_uuid(), (SELECT min(id) FROM viewing_places), r.submitted_at + interval '3 days' + r.n * interval '1 second',
      r.submitted_at + interval '3 days 30 minutes' + r.n * interval '1 second', 1, 'Attended', r.submitted_at, 'bench', 'bench',
      r.submitted_at, r.submitted_at, r.id
    FROM (SELECT id, submitted_at, row_number() OVER () AS n FROM footage_requests
          WHERE purpose = 'View' AND status = 'Approved' AND hashtext(id::text) % 5 = 0) r; ANALYZE appointments" >/dev/null
  note "seed" "$COUNT requests with history and 4 attachments each$([ "$FILES" = 1 ] && echo ", $((COUNT * 4)) files on disk"), $("${PSQL[@]}" -c "SELECT count(*) FROM appointments") attended visits in $((SECONDS - SEED_START)) s; database $("${PSQL[@]}" -c "SELECT pg_size_pretty(pg_database_size('cctvbench'))")"
fi

# BENCH_BACKUP=1 (or =only, which stops after it): the backup and the restore check of the seeded database and files,
# with their times and sizes, as an operator runs them (docs/OPERATIONS.md). The seeder's rows name hard links of one
# 15-byte sample file but claim 200 KB and another hash: they are first given the sample's own size and SHA-256,
# so that the check can verify every file (the sizes are therefore per file, not per realistic byte: see the note).
if [ "${BENCH_BACKUP:-0}" != 0 ]; then
  log "backup and restore-check of $COUNT requests"
  if [ "$FILES" = 1 ]; then
    SAMPLE_SHA=$(printf '%s\n%s\n' '%PDF-1.4' '%%EOF' | sha256sum | cut -d' ' -f1)
    "${PSQL[@]}" -qc "UPDATE request_attachments SET size_bytes = 15, sha256 = '$SAMPLE_SHA' WHERE sha256 <> '$SAMPLE_SHA'" >/dev/null
  fi
  rm -rf "$WORK/backup"
  B_START=$(date +%s%N)
  env "${API_ENV[@]}" dotnet "$API_DLL" backup "$WORK/backup" > "$WORK/backup.log" 2>&1 || { tail -20 "$WORK/backup.log" >&2; die "backup failed"; }
  B_MS=$(( ($(date +%s%N) - B_START) / 1000000 ))
  B_BYTES=$(du -sb "$WORK/backup" | cut -f1)
  B_DUMP=$(stat -c %s "$WORK/backup/database.dump")
  B_OBJECTS=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(m["objects"], m["objectBytes"])' "$WORK/backup/manifest.json")
  note "backup" "$(( B_MS / 1000 )).$(( B_MS % 1000 / 100 )) s: database.dump $(( B_DUMP / 1048576 )) MiB, objects (count, bytes) $B_OBJECTS, the folder $(( B_BYTES / 1048576 )) MiB on disk ($(grep -o 'seconds=.*' "$WORK/backup.log"))"
  R_START=$(date +%s%N)
  RC=0
  env "${API_ENV[@]}" Backup__ScratchFolder="$WORK" dotnet "$API_DLL" restore-check "$WORK/backup" > "$WORK/restore-check.log" 2>&1 || RC=$?
  R_MS=$(( ($(date +%s%N) - R_START) / 1000000 ))
  note "restore-check" "exit $RC in $(( R_MS / 1000 )).$(( R_MS % 1000 / 100 )) s: $(grep -v '^DIFFERENCE' "$WORK/restore-check.log" | grep -v '^backup ' | tr '\n' ';' | sed 's/;$//') ($(grep -c '^DIFFERENCE' "$WORK/restore-check.log") differences)"
  cat "$WORK/restore-check.log" | head -40 >&2
  rm -rf "$WORK/backup"
  if [ "${BENCH_BACKUP}" = only ]; then
    python3 bench/helper.py table "$RESULTS"
    exit 0
  fi
fi

log "starting the API on the seeded database"
LOG_LINES=$(wc -l < "$WORK/api.log")
START=$(date +%s%N)
start_api
note "start-up" "$(( ($(date +%s%N) - START) / 1000000 )) ms from launch to /healthz 200 ($COUNT requests, $([ "$FILES" = 1 ] && echo "$((COUNT * 4))" || echo 0) stored files; target < 5000 ms)"
# The stored files are reconciled in the background after the start: measure nothing until it is done.
for _ in $(seq 1 3000); do tail -n +"$((LOG_LINES + 1))" "$WORK/api.log" | grep -q "storage reconciliation is done" && break; sleep 0.2; done
note "first reconciliation" "$(tail -n +"$((LOG_LINES + 1))" "$WORK/api.log" | grep -o "storage reconciliation is done.*" | head -1) (in the background, the API answering)"

log "a staff session"
# A kept folder has the account of an earlier run, with its second factor: start again from a new one.
"${PSQL[@]}" -qc "DELETE FROM staff_users WHERE normalized_email = 'BENCH@EXAMPLE.GO.TH'" >/dev/null
env "${API_ENV[@]}" dotnet "$API_DLL" create-admin --email bench@example.go.th --name "ผู้ดูแล วัดผล" > "$WORK/admin.log" 2>&1 \
  || { cat "$WORK/admin.log"; die "create-admin failed"; }
COOKIE=$(python3 bench/helper.py session "$BASE" bench@example.go.th "bench passphrase 2569")

# wrk NAME VS TARGET -- wrk arguments: one JSON line into the results (after a 2-second warm-up).
measure() {
  local name=$1 vs=$2 target=$3; shift 4
  # A 10-second timeout: a slow read is measured (and counted), not dropped as an error at wrk's default 2 s.
  # Five seconds of warm-up: under full load the JIT's optimizing tier needs that long to catch up.
  local threads=$(( CONNECTIONS < 2 ? 1 : 2 ))
  # WARMUP seconds first (default 5; 0: none, the cold figure of a process that has served nothing of this read yet).
  [ "${WARMUP:-5}" = 0 ] || wrk -t"$threads" -c"$CONNECTIONS" -d"${WARMUP:-5}s" --timeout 10s "$@" >/dev/null 2>&1 || true
  local line
  line=$(wrk -t"$threads" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --timeout 10s "$@" 2>&1 | grep '^{' | tail -1)
  [ -n "$line" ] || die "wrk gave no figures for $name"
  python3 -c 'import json,sys; d=json.loads(sys.argv[1]); d.update(name=sys.argv[2], vs=sys.argv[3], target=sys.argv[4]); print(json.dumps(d))' "$line" "$name" "$vs" "$target" >> "$RESULTS"
  log "$name: $line"
}
ceiling() {
  python3 -c 'import json,sys; print(json.dumps({"name": sys.argv[1], "rps": float(sys.argv[2]), "p50": None, "p95": None, "p99": None, "ceiling": True}))' "$1" "$2" >> "$RESULTS"
}

if [ "$READS" = 1 ]; then
log "ceilings"
BAREPORT=$(free_port)
dotnet "$BENCH_DLL" bare "$BAREPORT" > "$WORK/bare.log" 2>&1 &
BARE_PID=$!
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$BAREPORT/" && break; sleep 0.1; done
measure "bare endpoint" "ceiling" "" -- -s bench/lua/get.lua "http://127.0.0.1:$BAREPORT" -- /
kill "$BARE_PID"; wait "$BARE_PID" 2>/dev/null || true; BARE_PID=
"$(pg_bindir)/dropdb" --if-exists -h 127.0.0.1 -p "$PGPORT" -U postgres pgbench
"$(pg_bindir)/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres pgbench
"$(pg_bindir)/pgbench" -h 127.0.0.1 -p "$PGPORT" -U postgres -i -s 10 -q pgbench >/dev/null 2>&1
# As many clients as wrk has connections, two threads as wrk: the same load shape.
TPS=$("$(pg_bindir)/pgbench" -h 127.0.0.1 -p "$PGPORT" -U postgres -S -c "$CONNECTIONS" -j 2 -T "$SECONDS_EACH" pgbench 2>/dev/null | awk '/^tps/ {print $3; exit}')
ceiling "pgbench -S" "$TPS"
log "pgbench -S: $TPS tps"

log "citizen reads"
S="$WORK/samples"
# The two citizen reads cold (the first seconds of load on a fresh process: the JIT's first tier) and warm (after
# 30 s more, when the optimizing tier and PGO have settled, as a node that has served for a while).
TOKEN=(-s bench/lua/post.lua "$BASE" -- /api/status/token '{"token":"%s"}' "$S/tokens.txt")
LOOKUP=(-s bench/lua/post.lua "$BASE" -- /api/status/lookup '{"nationalId":"%s"}' "$S/ids.txt")
WARMUP=0 measure "token status, cold (first ${SECONDS_EACH} s)" "pgbench -S" "" -- "${TOKEN[@]}"
WARMUP=30 measure "token status, warm (after 30 s more)" "pgbench -S" ">= 30 %" -- "${TOKEN[@]}"
WARMUP=0 measure "lookup by national ID, cold (first ${SECONDS_EACH} s)" "pgbench -S" "" -- "${LOOKUP[@]}"
WARMUP=30 measure "lookup by national ID, warm (after 30 s more)" "pgbench -S" ">= 30 %" -- "${LOOKUP[@]}"
measure "GET /api/stations" "bare endpoint" ">= 50 %" -- -s bench/lua/get.lua "$BASE" -- /api/stations
measure "GET /api/form-settings" "bare endpoint" ">= 50 %" -- -s bench/lua/get.lua "$BASE" -- /api/form-settings
measure "the form page (GET /)" "bare endpoint" ">= 50 %" -- -s bench/lua/get.lua "$BASE" -- /

log "staff reads"
# Staff reads at the load of a busy office (four officers clicking at once), the statistics at one
# administrator: at 32 connections on two cores any endpoint's p95 is mostly waiting in line.
CONNECTIONS_SAVED=$CONNECTIONS; CONNECTIONS=4
YEAR_AGO=$(date -u -d '365 days ago' +%Y-%m-%d)
TODAY=$(date -u +%Y-%m-%d)
measure "staff queue, first page, open requests" "" "p95 < 30 ms" -- -H "$COOKIE" -s bench/lua/get.lua "$BASE" -- "/api/staff/requests?status=Pending,Received"
measure "staff queue, first page, station + dates" "" "p95 < 30 ms" -- -H "$COOKIE" -s bench/lua/get.lua "$BASE" -- "/api/staff/requests?stationId=3&submittedFrom=$YEAR_AGO&submittedTo=$TODAY"
measure "staff queue, search by national ID" "" "p95 < 30 ms" -- -H "$COOKIE" -s bench/lua/get.lua "$BASE" -- "/api/staff/requests?q=%s" "$S/ids.txt"
measure "staff queue, search by name" "" "p95 < 30 ms" -- -H "$COOKIE" -s bench/lua/get.lua "$BASE" -- "/api/staff/requests?q=%s" "$S/names.txt"
measure "staff request detail" "" "" -- -H "$COOKIE" -s bench/lua/get.lua "$BASE" -- "/api/staff/requests/%s" "$S/refs.txt"
# The same read by an integrator (an API client's token: one indexed lookup of the token per call, ADR 0018).
BEARER=$(python3 bench/helper.py apitoken "$BASE" "$COOKIE" requests.read "$WORK/token.form")
measure "staff request detail, API client token" "" "" -- -H "$BEARER" -s bench/lua/get.lua "$BASE" -- "/api/staff/requests/%s" "$S/refs.txt"
# Integrators asking for tokens (client credentials: the secret checked, a token stored), 4 at a time.
measure "token issuance (POST /connect/token)" "" ">= 500/s" -- -s bench/lua/body.lua "$BASE" -- /connect/token "$WORK/token.form" "application/x-www-form-urlencoded"
CONNECTIONS=1
measure "statistics for a year" "" "< 300 ms" -- -H "$COOKIE" -s bench/lua/get.lua "$BASE" -- "/api/staff/statistics?from=$YEAR_AGO&to=$TODAY"
CONNECTIONS=$CONNECTIONS_SAVED

log "submissions"
python3 bench/helper.py body "$WORK/body.bin" "$WORK/body.type" 1
CONNECTIONS_SAVED=$CONNECTIONS; CONNECTIONS=8
measure "submission, 3 files of 1 MB, 8 at a time" "" "p95 < 150 ms" -- -s bench/lua/body.lua "$BASE" -- /api/requests "$WORK/body.bin" "$(cat "$WORK/body.type")"
CONNECTIONS=$CONNECTIONS_SAVED
# A fresh process with the shipped limits (16 submissions at once, 32 waiting), so the peak is the
# uploads' own and not what the read benchmarks left in the heap.
stop_api
API_ENV=("${API_ENV[@]/Limits__ConcurrentSubmissions=64/Limits__ConcurrentSubmissions=16}")
API_ENV=("${API_ENV[@]/Limits__SubmissionQueue=128/Limits__SubmissionQueue=32}")
start_api
UPLOADS=$(python3 bench/helper.py uploads "$BASE" "$API_PID" 50 10)
note "50 uploads of 10 MB at once" "$UPLOADS (target: peak RSS < 300 MB)"
fi

if [ "$CLIPS" = 1 ]; then
  log "the copy delivered online"
  # A fresh process, so that the RSS is the clips' own; the bare file endpoint writes to the same disk.
  stop_api
  start_api_reconciled
  mkdir -p "$WORK/bare-files" "$WORK/clips"
  BAREPORT=$(free_port)
  dotnet "$BENCH_DLL" bare "$BAREPORT" "$WORK/bare-files" > "$WORK/bare.log" 2>&1 &
  BARE_PID=$!
  for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$BAREPORT/" && break; sleep 0.1; done
  NOTICE=$(curl -fs "$BASE/api/form-settings" | python3 -c 'import json,sys; print(json.load(sys.stdin)["privacyNoticeVersion"])')
  C=$(python3 bench/helper.py clips "$BASE" "$COOKIE" "$API_PID" "http://127.0.0.1:$BAREPORT" "$WORK/clips" "$NOTICE" \
    "${BENCH_CLIP_MB:-2048}" "${BENCH_CLIP_SMALL_MB:-500}" "${BENCH_CLIP_DOWNLOADS:-10}")
  kill "$BARE_PID"; wait "$BARE_PID" 2>/dev/null || true; BARE_PID=
  rm -rf "$WORK/bare-files" "$WORK/clips"
  python3 - "$C" >> "$RESULTS" <<'PY'
import json, sys
c = json.loads(sys.argv[1])
pct = lambda a, b: f"{100 * a / b:.0f} %" if b else "-"
print(json.dumps({"name": f"clip of {c['clip_mb']} MB uploaded (UploadClip)",
                  "text": f"{c['upload_mb_s']} MB/s, bare Kestrel + curl {c['bare_upload_mb_s']} MB/s: {pct(c['upload_mb_s'], c['bare_upload_mb_s'])} (target >= 50 %); "
                          f"RSS {c['upload_rss_before_mb']} -> peak {c['upload_rss_peak_mb']} MB (+{c['upload_rss_peak_mb'] - c['upload_rss_before_mb']}, target < 50); "
                          f"answer {c['upload_code']}, SHA-256 {'equal to' if c['sha256_equal'] else 'DIFFERENT from'} the file's" + (f"; {c['upload_problem']}" if c.get('upload_problem') else "")}))
print(json.dumps({"name": f"clip of {c['clip_mb']} MB downloaded (DownloadClip)",
                  "text": f"{c['download_mb_s']} MB/s, bare Kestrel + curl {c['bare_download_mb_s']} MB/s: {pct(c['download_mb_s'], c['bare_download_mb_s'])} (target >= 70 %); "
                          f"RSS {c['download_rss_before_mb']} -> peak {c['download_rss_peak_mb']} MB (+{c['download_rss_peak_mb'] - c['download_rss_before_mb']}, target < 50); answer {c['download_code']}"}))
print(json.dumps({"name": f"{c['concurrent']} downloads of {c['concurrent_mb']} MB at once",
                  "text": f"answers {c['concurrent_codes']} in {c['concurrent_seconds']} s ({c['concurrent_mb_s']} MB/s in all); the status read meanwhile "
                          f"p50 {c['status_p50_ms']} ms, p95 {c['status_p95_ms']} ms over {c['status_reads']} reads (target p95 < 50 ms; "
                          f"{c['status_quiet_p95_ms']} ms just before, without downloads)"}))
PY
  log "clips: $C"
fi

if [ "$OUTBOX" = 1 ]; then
  log "outbox"
  SMTPPORT=$(free_port)
  # Debian's aiosmtpd as the tests run it: each message parsed and stored in a Maildir (new/). Its own interpreter.
  rm -rf "$WORK/mail"
  /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTPPORT" -c aiosmtpd.handlers.Mailbox "$WORK/mail" > "$WORK/smtp.log" 2>&1 &
  SMTP_PID=$!
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$SMTPPORT") 2>/dev/null && break; sleep 0.1; done
  NOTICE=$(curl -fs "$BASE/api/form-settings" | python3 -c 'import json,sys; print(json.load(sys.stdin)["privacyNoticeVersion"])')
  API_ENV_NO_MAIL=("${API_ENV[@]}")
  MAIL_ENV=(Notifications__Email__Host=127.0.0.1 Notifications__Email__Port="$SMTPPORT" Notifications__Email__UseTls=false
    "Notifications__Email__From=CCTV bench <cctv@bench.example>")
  queued() { "${PSQL[@]}" -c "SELECT count(*) FROM outbox_messages WHERE status IN ('Queued', 'Failed')"; }
  # (a) A decision's cost with the outbox: requests that asked for e-mail (each decision writes a message in its
  # transaction) against requests that did not, the same concurrency, in turn (ABBA). First with the dispatcher
  # running on the same node (production), then with it off (the transactional write alone; its messages stay
  # queued and become the backlog of (b)).
  for dispatcher in on off; do
    stop_api
    API_ENV=("${API_ENV_NO_MAIL[@]}" "${MAIL_ENV[@]}" Notifications__Outbox__Enabled="$([ "$dispatcher" = on ] && echo true || echo false)")
    start_api_reconciled
    python3 bench/helper.py submit "$BASE" "$DECISIONS" 8 1 "$NOTICE" "$WORK/refs.mail"
    python3 bench/helper.py submit "$BASE" "$DECISIONS" 8 0 "$NOTICE" "$WORK/refs.nomail"
    if [ "$dispatcher" = on ]; then
      for _ in $(seq 1 600); do [ "$(queued)" = 0 ] && break; sleep 0.2; done
    fi
    D=$(python3 bench/helper.py decisions "$BASE" "$COOKIE" "$WORK/refs.mail" "$WORK/refs.nomail" 4)
    python3 - "$D" "$dispatcher" "$DECISIONS" >> "$RESULTS" <<'PY'
import json, sys
d, dispatcher, n = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
for mode, label, target in (("nomail", "no e-mail", ""), ("mail", "e-mail asked", "p95 < no e-mail + 5 ms")):
    r = d[mode]
    print(json.dumps({**r, "name": f"decision, {label}, dispatcher {dispatcher}", "vs": "", "target": target}))
print(json.dumps({"name": f"outbox cost, dispatcher {dispatcher}",
                  "text": f"p95 {(d['mail']['p95'] - d['nomail']['p95']) / 1000:+.1f} ms, p50 {(d['mail']['p50'] - d['nomail']['p50']) / 1000:+.1f} ms "
                          f"({n} requests each received then approved, 4 at a time; target: p95 + < 5 ms)"
                          + (f"; problems: {d['first_problems']}" if d.get("first_problems") else "")}))
PY
    log "decisions, dispatcher $dispatcher: $D"
  done
  # (b) and (c) The backlog: the messages the decisions just composed (dispatcher off), moved out of the outbox and
  # cloned to BACKLOG rows with new ids, due now; committed at once while the dispatcher runs.
  "${PSQL[@]}" -q -v ON_ERROR_STOP=1 > /dev/null <<SQL
BEGIN;
DROP TABLE IF EXISTS bench_template, bench_backlog;
CREATE TABLE bench_template AS SELECT * FROM outbox_messages WHERE status = 'Queued';
DELETE FROM outbox_messages WHERE status = 'Queued';
CREATE TABLE bench_backlog (LIKE outbox_messages);
INSERT INTO bench_backlog SELECT t.* FROM bench_template t,
  generate_series(1, ($BACKLOG + (SELECT count(*) FROM bench_template) - 1) / (SELECT count(*) FROM bench_template));
DELETE FROM bench_backlog WHERE ctid IN (SELECT ctid FROM bench_backlog OFFSET $BACKLOG);
UPDATE bench_backlog SET id = gen_random_uuid(), created_at = now(), next_attempt_at = now(), attempts = 0, lease_until = NULL;
COMMIT;
SQL
  stop_api
  API_ENV=("${API_ENV_NO_MAIL[@]}" "${MAIL_ENV[@]}")
  start_api_reconciled
  for _ in $(seq 1 600); do [ "$(queued)" = 0 ] && break; sleep 0.2; done
  IN_MAILDIR=$(find "$WORK/mail/new" -type f | wc -l)
  DRAIN=$(dotnet "$BENCH_DLL" drain "$CONN" bench_backlog) || log "the drain did not end clean: $DRAIN"
  sleep 1
  ARRIVED=$(( $(find "$WORK/mail/new" -type f | wc -l) - IN_MAILDIR ))
  python3 - "$DRAIN" "$ARRIVED" >> "$RESULTS" <<'PY'
import json, sys
d, arrived = json.loads(sys.argv[1]), int(sys.argv[2])
batch_ms = 50 / d["per_second"] * 1000 if d["per_second"] else 0
print(json.dumps({"name": "outbox drain to aiosmtpd",
                  "text": f"{d['sent']} of {d['messages']} e-mails sent in {d['seconds']:.1f} s: {d['per_second']:.0f}/s "
                          f"({arrived} arrived at the SMTP server, {d['failed']} failed, {d['given_up']} given up; target >= 100/s)"}))
print(json.dumps({"name": "row locks while draining",
                  "text": f"longest transaction holding a lock on outbox_messages {d['longest_lock_ms']:.1f} ms "
                          f"({d['lock_samples']} samples: {d['longest_lock_statement'][:60]}...); one batch of 50 takes {batch_ms:.0f} ms "
                          f"(target: no lock longer than one batch)"}))
for key, label in (("update_in_flight", "a message in flight"), ("update_next_in_line", "the next message in line")):
    u = d[key]
    print(json.dumps({"name": f"UPDATE of {label}",
                      "text": f"waited p50 {u['p50_ms']:.2f} ms, p99 {u['p99_ms']:.2f} ms, max {u['max_ms']:.2f} ms ({u['probes']} updates while draining)"}))
PY
  log "drain: $DRAIN"
fi

# The API's settings without what a section above added for e-mail (the sections below ask for none).
base_env() {
  local e out=()
  for e in "${API_ENV[@]}"; do case "$e" in Notifications__*) ;; *) out+=("$e") ;; esac; done
  API_ENV=("${out[@]}")
}

if [ "$CONTENTION" = 1 ]; then
  log "write contention: 8 submitting and 8 deciding for $CONTENTION_SECONDS s, lock waits sampled"
  SECTION_START=$SECONDS
  # 16 writers at once on the API as it runs; each submission and each decision changes the counter rows by trigger in
  # its transaction (request_counts_follow), so they may queue on those rows until commit. bench/Bench locks says
  # how often a backend waits and on what (see its comment for how a wait is put on a table).
  NOTICE=$(curl -fs "$BASE/api/form-settings" | python3 -c 'import json,sys; print(json.load(sys.stdin)["privacyNoticeVersion"])')
  CT=$(python3 bench/helper.py contention "$BASE" "$COOKIE" "$CONTENTION_SECONDS" "$CONTENTION_PREPARED" "$NOTICE" \
    dotnet "$BENCH_DLL" locks "$CONN" "${BENCH_COUNTER_TABLES:-request_counts,request_totals}")
  python3 - "$CT" >> "$RESULTS" <<'PY'
import json, sys
c = json.loads(sys.argv[1])
l = c.get("locks", {})
fails = {k: v for k, v in c.get("failures", {}).items() if not k.endswith("(first)")}
for key, label in (("submissions", "mix: submission (8 submitting)"), ("decisions", "mix: decision (8 receiving+approving)")):
    r = c[key]
    non2xx = sum(v for k, v in fails.items() if (k.startswith("submit") if key == "submissions" else not k.startswith("submit")))
    print(json.dumps({"name": label, "rps": r["rps"], "p50": r["p50"], "p95": r["p95"], "p99": r["p99"], "vs": "", "target": "", "non2xx": non2xx}))
if "problem" in l or "samples" not in l:
    print(json.dumps({"name": "lock waits under the mix", "text": f"NOT MEASURED: {l.get('problem', l)}"}))
else:
    # A waiter seen in a sample stands for one interval of waiting: the sum estimates the time waited (as an integral).
    writes = c["submissions"]["requests"] + c["decisions"]["requests"]
    waited = lambda n: f"{n} ({n * l['interval_ms'] / 1000:.1f} s, {n * l['interval_ms'] / writes:.2f} ms per write)" if writes else str(n)
    events = ", ".join(f"{k} {waited(v)}" for k, v in sorted(l["by_event"].items(), key=lambda kv: -kv[1])) or "none"
    tables = ", ".join(f"{k} {waited(v)}" for k, v in sorted(l["by_table"].items(), key=lambda kv: -kv[1])) or "none"
    print(json.dumps({"name": "lock waits under the mix",
                      "text": f"{l['samples']} samples over {l['seconds']} s (every {l['interval_ms']} ms): a backend waiting on a row lock "
                              f"(tuple/transactionid) in {l['share_row_wait']} % of samples, on the counter rows ({l['counter_tables']}) in "
                              f"{l['share_counter_wait']} % ({l['counter_exact']} exact, {l['counter_inferred']} inferred); waiters per sample "
                              f"mean {l['mean_waiters']}, max {l['max_waiters']} of 16 (on the counters mean {l['mean_counter_waiters']} = "
                              f"{100 * l['mean_counter_waiters'] / 16:.1f} % of the writers' time, max {l['max_counter_waiters']}); "
                              f"longest wait seen {l['longest_wait_ms']} ms ({l['longest_wait'][:100]})"}))
    print(json.dumps({"name": "lock waits by event and table",
                      "text": f"waiter-samples (time waited, per write of the {writes}) by event: {events}; by table: {tables}"}))
    print(json.dumps({"name": "top waiting statements", "text": "; ".join(f"{t['share']} % {t['what']}" for t in l["top_waiting"]) or "none"}))
    print(json.dumps({"name": "top blockers (table <- state: statement)", "text": "; ".join(f"{t['share']} % {t['what']}" for t in l["top_blockers"]) or "none"}))
problems = []
if fails:
    problems.append(f"failures {c['failures']}")
if c["deciders_idle_s"] > 0.1 * 8 * c["seconds"]:
    problems.append(f"the deciders had nothing to decide for {c['deciders_idle_s']} s of their {8 * c['seconds']:.0f} (raise BENCH_CONTENTION_PREPARED)")
print(json.dumps({"name": "mix: set-up", "text": f"{c['prepared']} requests submitted first for the deciders (in {c['prepare_s']} s), {c['left_undecided']} left undecided; "
                  f"submissions over {c['stations']} stations; {c['seconds']} s measured after 5 s of warm-up"
                  + (f"; PROBLEMS: {'; '.join(problems)}" if problems else "")}))
PY
  log "contention: $CT"
  note "contention section" "took $((SECONDS - SECTION_START)) s"
fi

if [ "$WEBHOOKS" = 1 ]; then
  log "webhooks"
  SECTION_START=$SECONDS
  # An integrator's endpoint on this machine (bench/Bench receiver: answers 204 to a delivery whose Standard Webhooks
  # signature verifies with a registered secret, counts each webhook-id), registered through the product's API by the
  # administrator for an API client with events.read (the loopback network allowed, plain HTTP: see API_ENV).
  NOTICE=$(curl -fs "$BASE/api/form-settings" | python3 -c 'import json,sys; print(json.load(sys.stdin)["privacyNoticeVersion"])')
  RECVPORT=$(free_port)
  RECEIVER="http://127.0.0.1:$RECVPORT"
  SECRETS="$WORK/webhook-secrets"
  : > "$SECRETS"
  dotnet "$BENCH_DLL" receiver "$RECVPORT" "$SECRETS" > "$WORK/receiver.log" 2>&1 &
  RECV_PID=$!
  for _ in $(seq 1 100); do curl -fs -o /dev/null "$RECEIVER/stats" && break; sleep 0.1; done
  queued() { "${PSQL[@]}" -c "SELECT count(*) FROM outbox_messages WHERE status IN ('Queued', 'Failed')"; }
  # (a) With the dispatcher off: the requests the decisions of (b) will decide (no webhook yet), then a webhook for
  # request.submitted and 100 submissions, whose queued deliveries (composed by the product) are cloned into the
  # backlog of (c), with new ids (each a new webhook-id), due now.
  stop_api
  base_env
  API_ENV_HOOKS=("${API_ENV[@]}")
  API_ENV=("${API_ENV_HOOKS[@]}" Notifications__Outbox__Enabled=false)
  start_api_reconciled
  python3 bench/helper.py submit "$BASE" "$WEBHOOK_DECISIONS" 8 0 "$NOTICE" "$WORK/refs.hookoff"
  python3 bench/helper.py submit "$BASE" "$WEBHOOK_DECISIONS" 8 0 "$NOTICE" "$WORK/refs.hookon"
  CLIENT=$(python3 bench/helper.py apiclient "$BASE" "$COOKIE")
  HOOK=$(python3 bench/helper.py webhook "$BASE" "$COOKIE" create "$CLIENT" "$RECEIVER/hook" request.submitted "$SECRETS")
  python3 bench/helper.py submit "$BASE" 100 8 0 "$NOTICE" "$WORK/refs.hooktemplate"
  TEMPLATE=$("${PSQL[@]}" -c "SELECT count(*) FROM outbox_messages WHERE channel = 'Webhook' AND status = 'Queued' AND subscription_id = '$HOOK'")
  [ "$TEMPLATE" = 100 ] || die "expected 100 queued webhook deliveries after 100 submissions, found $TEMPLATE"
  "${PSQL[@]}" -q -v ON_ERROR_STOP=1 > /dev/null <<SQL
BEGIN;
DROP TABLE IF EXISTS bench_webhook_template, bench_webhook_backlog;
CREATE TABLE bench_webhook_template AS SELECT * FROM outbox_messages WHERE channel = 'Webhook' AND status = 'Queued';
DELETE FROM outbox_messages WHERE channel = 'Webhook' AND status = 'Queued';
CREATE TABLE bench_webhook_backlog (LIKE outbox_messages);
INSERT INTO bench_webhook_backlog SELECT t.* FROM bench_webhook_template t,
  generate_series(1, ($WEBHOOK_BACKLOG + (SELECT count(*) FROM bench_webhook_template) - 1) / (SELECT count(*) FROM bench_webhook_template));
DELETE FROM bench_webhook_backlog WHERE ctid IN (SELECT ctid FROM bench_webhook_backlog OFFSET $WEBHOOK_BACKLOG);
UPDATE bench_webhook_backlog SET id = gen_random_uuid(), created_at = now(), next_attempt_at = now(), attempts = 0, lease_until = NULL;
COMMIT;
SQL
  # (b) The dispatcher on (production): decisions without and with a webhook subscribed to them, ABBA.
  stop_api
  API_ENV=("${API_ENV_HOOKS[@]}")
  start_api_reconciled
  for _ in $(seq 1 600); do [ "$(queued)" = 0 ] && break; sleep 0.2; done
  HD=$(python3 bench/helper.py hookdecisions "$BASE" "$COOKIE" "$WORK/refs.hookoff" "$WORK/refs.hookon" "$RECEIVER" "$CLIENT" "$SECRETS" 4)
  log "decisions with and without a webhook: $HD"
  # (c) The backlog committed at once and drained by the running API to the receiver.
  for _ in $(seq 1 600); do [ "$(queued)" = 0 ] && break; sleep 0.2; done
  WDRAIN=$(dotnet "$BENCH_DLL" drain "$CONN" bench_webhook_backlog) || log "the webhook drain did not end clean: $WDRAIN"
  sleep 1
  "${PSQL[@]}" -c "SELECT id FROM bench_webhook_backlog" > "$WORK/backlog-ids.txt"
  curl -fs "$RECEIVER/ids" > "$WORK/received-ids.txt"
  RSTATS=$(curl -fs "$RECEIVER/stats")
  python3 bench/helper.py webhook "$BASE" "$COOKIE" delete "$HOOK"
  kill "$RECV_PID"; wait "$RECV_PID" 2>/dev/null || true; RECV_PID=
  python3 - "$HD" "$WDRAIN" "$RSTATS" "$WORK/backlog-ids.txt" "$WORK/received-ids.txt" "$WEBHOOK_DECISIONS" >> "$RESULTS" <<'PY'
import json, sys
hd, drain, stats = json.loads(sys.argv[1]), json.loads(sys.argv[2] or "{}"), json.loads(sys.argv[3])
backlog = {l.strip() for l in open(sys.argv[4]) if l.strip()}
received = dict(l.split() for l in open(sys.argv[5]) if l.strip())
n = sys.argv[6]
for mode, label, target in (("off", "no webhook", ""), ("on", "webhook subscribed", "")):
    r = hd[mode]
    print(json.dumps({**r, "name": f"decision, {label}", "vs": "", "target": target}))
d = hd["deliveries"]
print(json.dumps({"name": "webhook cost per decision",
                  "text": f"p95 {(hd['on']['p95'] - hd['off']['p95']) / 1000:+.1f} ms, p50 {(hd['on']['p50'] - hd['off']['p50']) / 1000:+.1f} ms "
                          f"({n} requests each received then approved per case, 4 at a time, ABBA); deliveries {d['arrived']} of {d['expected']} "
                          f"arrived verified, {d['repeated']} repeated, {d['bad_signature']} bad signatures, {d['stale']} stale timestamps"
                          + ("" if d["arrived"] == d["expected"] and not d["repeated"] and not d["bad_signature"] and not d["stale"] else "; PROBLEM: not every delivery arrived once, verified")
                          + (f"; problems: {hd['first_problems']}" if hd.get("first_problems") else "")}))
once = sum(1 for i in backlog if received.get(i) == "1")
missing = sum(1 for i in backlog if i not in received)
repeated = sum(1 for i in backlog if i in received and received[i] != "1")
if drain:
    print(json.dumps({"name": "webhook backlog drained to the receiver",
                      "text": f"{drain['sent']} of {drain['messages']} deliveries sent in {drain['seconds']:.1f} s: {drain['per_second']:.0f}/s "
                              f"({drain['failed']} failed, {drain['given_up']} given up); at the receiver {once} arrived exactly once, {missing} missing, "
                              f"{repeated} more than once, {stats['bad_signature']} bad signatures in all; longest transaction holding a lock on "
                              f"outbox_messages {drain['longest_lock_ms']:.1f} ms"
                              + ("" if once == len(backlog) == drain["sent"] and not stats["bad_signature"] else "; PROBLEM: not every delivery arrived exactly once")}))
else:
    print(json.dumps({"name": "webhook backlog drained to the receiver", "text": "NOT MEASURED: the drain printed nothing"}))
PY
  note "webhooks section" "took $((SECONDS - SECTION_START)) s (two restarts of the API)"
fi

if [ "$APPOINTMENTS" = 1 ]; then
  log "appointments: $APPOINTMENT_SAME bookings of one slot at once, $APPOINTMENT_SPREAD of distinct slots"
  SECTION_START=$SECONDS
  # Applicants who submitted a View request keep its status token (from the status link) and their national ID; an
  # officer approves them; each books as the status page does (token + national ID typed again). The viewing place
  # is set to 10-minute slots of one seat for the run (enough distinct slots), then set back.
  NOTICE=$(curl -fs "$BASE/api/form-settings" | python3 -c 'import json,sys; print(json.load(sys.stdin)["privacyNoticeVersion"])')
  python3 bench/helper.py applicants "$BASE" $((APPOINTMENT_SAME + APPOINTMENT_SPREAD)) 8 "$NOTICE" View "$WORK/applicants.jsonl"
  AP=$(python3 bench/helper.py appointments "$BASE" "$COOKIE" "$WORK/applicants.jsonl" "$APPOINTMENT_SAME" "$APPOINTMENT_SPREAD" 16)
  python3 - "$AP" >> "$RESULTS" <<'PY'
import json, sys
a = json.loads(sys.argv[1])
r1, r2 = a["round1"], a["round2"]
ok1 = r1["created"] == 1 and r1["slot_taken"] == r1["callers"] - 1 and r1["held_in_staff_list"] == 1
print(json.dumps({"name": f"{r1['callers']} bookings of one slot at once",
                  "text": f"{r1['created']} x 201, {r1['slot_taken']} x 409 slot_taken, {r1['other']} other (target: exactly 1 x 201, the rest 409: "
                          f"{'met' if ok1 else 'NOT MET'}); answers p50 {r1['p50_ms']} ms, p95 {r1['p95_ms']} ms, max {r1['max_ms']} ms; "
                          f"{r1['held_in_staff_list']} booking at that time in the staff day list"}))
us = lambda v: int(v * 1000) if v is not None else None
print(json.dumps({"name": f"booking, {r2['bookings']} distinct slots, {r2['concurrency']} at a time", "rps": r2["rps"], "p50": us(r2["p50_ms"]),
                  "p95": us(r2["p95_ms"]), "p99": us(r2["p99_ms"]), "vs": "", "target": "all 201", "non2xx": r2["bookings"] - r2["created"]}))
print(json.dumps({"name": "booking, distinct slots: checks",
                  "text": f"{r2['created']} of {r2['bookings']} answered 201 (max {r2['max_ms']} ms); {r2['held_in_staff_list']} of them in the staff day lists"
                          + ("" if r2["created"] == r2["bookings"] == r2["held_in_staff_list"] else "; PROBLEM: not all booked and listed")
                          + (f"; PROBLEMS: {a['problems']}" if a.get("problems") else "")}))
PY
  log "appointments: $AP"
  note "appointments section" "took $((SECONDS - SECTION_START)) s"
fi

echo
echo "CctvRequests benchmark, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB, PostgreSQL $("$(pg_bindir)/postgres" --version | awk '{print $3}'), .NET $(dotnet --version)"
echo "wrk: $CONNECTIONS connections for citizen reads, 4 for staff reads, 1 for statistics, 8 for submissions; ${SECONDS_EACH} s per measure after 5 s of warm-up (the two citizen reads: cold without, warm after 30 s); load generator on the same machine"
[ "$OUTBOX" = 1 ] && echo "outbox: decisions by bench/helper.py (Python, 4 at a time, $DECISIONS requests per case); $BACKLOG messages drained to Debian's aiosmtpd (Maildir) on the same machine, batches of 50"
[ "$CONTENTION" = 1 ] && echo "contention: bench/helper.py (Python), 8 threads submitting (two 20 KB PDFs and a signature) and 8 receiving then approving, $CONTENTION_SECONDS s; lock waits sampled by bench/Bench locks (Npgsql, its own connection)"
[ "$WEBHOOKS" = 1 ] && echo "webhooks: $WEBHOOK_DECISIONS requests per case decided 4 at a time; $WEBHOOK_BACKLOG deliveries drained to bench/Bench receiver (Kestrel, signatures verified) on the same machine"
[ "$APPOINTMENTS" = 1 ] && echo "appointments: bench/helper.py (Python), $APPOINTMENT_SAME bookings released at once on open connections, then $APPOINTMENT_SPREAD at 16 at a time"
echo
python3 bench/helper.py table "$RESULTS"
