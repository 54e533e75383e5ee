#!/usr/bin/env bash
# Injects faults into the real API and a real PostgreSQL, and proves that nothing is lost:
#   A. kill -9 of the API with 20 slow uploads in flight, then a restart;
#   B. PostgreSQL stopped for 30 s under a steady load, then started again (the API keeps running);
#   C. the attachments folders made unwritable (tmp/, then objects/, replaced by a plain file), then restored;
#   D. kill -9 of the API while its outbox dispatcher sends e-mail (to aiosmtpd, each 250 held back 0.1 s), killed
#      by the SMTP server itself between storing a message and answering it, then a restart;
#   E. the SMTP server killed for FAULTS_SMTP_DOWN seconds (default 120) under submissions asking for e-mail,
#      then started again; the retries (1, then 3 minutes) deliver what failed;
#   F. kill -9 of the API while an officer uploads clips of the online copy (one in one body, cut mid-way, and one
#      resumable, at 60 %), then a restart: no clip is visible, what the cut upload left is removed by the start's
#      reconciliation, and the resumable upload continues to one clip with the file's SHA-256.
# After each: every 201 is in the database, every request row has all its files (SHA-256 checked),
# no file lies in objects/ that no row names, nothing is left in tmp/; after D and E also: every event that
# sends a message (a submission with an e-mail, a decision) has one outbox row, Sent, and its message at the
# SMTP server at least once, any second copy under the same Message-ID. Prints a summary table and exits
# non-zero if any check fails. Takes about 70 s for A-C, 30 s for D, 5 minutes for E (plus the build
# without FAULTS_API_DIR).
# Settings: FAULTS_API_DIR (an already built API folder: skips the build), FAULTS_KEEP=1 (keep the work folder),
# FAULTS_SMTP_DOWN (seconds of scenario E's SMTP outage; 0 skips E), FAULTS_ONLY (e.g. DE: only those scenarios).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

T0=$SECONDS
ensure_dotnet
ensure_debian_packages postgresql curl python3 python3-aiosmtpd ffmpeg
# Debian's aiosmtpd belongs to Debian's interpreter (the python3 on PATH may be another one).
SMTP_PYTHON=/usr/bin/python3
SMTP_DOWN=${FAULTS_SMTP_DOWN:-120}

if [ -n "${FAULTS_API_DIR:-}" ]; then
  API_DIR=$(cd "$FAULTS_API_DIR" && pwd)
else
  log "building"
  dotnet build src/Api -c Release -v q -nologo >/dev/null
  API_DIR="$PWD/src/Api/bin/Release/net10.0"
fi
[ -f "$API_DIR/CctvRequests.Api.dll" ] || die "no CctvRequests.Api.dll in $API_DIR"

CLIENT="$PWD/scripts/faults_client.py"
WORK=$(mktemp -d /tmp/cctvrequests-faults.XXXXXX)
FILES="$WORK/files"
PG="$WORK/pg"
IN="$WORK/inputs"
SUMMARY="$WORK/summary.jsonl"
API_LOG="$WORK/api.log"
API_PID=
SMTP_PID=
BG_PIDS=()
SUMMARY_SHOWN=0
FAILED=0

cleanup() {
  local rc=$?
  set +e
  for p in "${BG_PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done
  if [ -n "$API_PID" ]; then kill -9 "$API_PID" 2>/dev/null; wait "$API_PID" 2>/dev/null; fi
  if [ -n "$SMTP_PID" ]; then kill -9 "$SMTP_PID" 2>/dev/null; wait "$SMTP_PID" 2>/dev/null; fi
  # A scenario may have stopped half-way with a folder replaced by a file: nothing to restore, the folder goes.
  stop_cluster "$PG"
  if [ "$SUMMARY_SHOWN" = 0 ] && [ -s "$SUMMARY" ]; then
    python3 "$CLIENT" summary "$SUMMARY" "$(faults_text)" "$((SECONDS - T0))" "$SCENARIOS" || true
  fi
  if [ "$rc" -ne 0 ] && [ -f "$API_LOG" ]; then
    # Errors, and the warnings of files left behind (a down database's "Unhealthy" and 503 warnings are expected).
    printf '\n--- API log: errors ---\n' >&2
    grep -E -A3 '^(fail|crit): ' "$API_LOG" | grep -v -E 'HealthChecks|Health check postgresql' | grep -v -E '^(--)?$' \
      | cut -c1-220 | tail -n 40 >&2
    grep -E -B1 'promoted files of an unfinished commit' "$API_LOG" | cut -c1-220 >&2
    printf '\n--- API log: last lines ---\n' >&2
    tail -n 12 "$API_LOG" | cut -c1-220 >&2
  fi
  if [ "${FAULTS_KEEP:-0}" = 1 ]; then echo "work folder kept: $WORK" >&2; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
FAULTS=0
RESTARTS=0
ONLY=${FAULTS_ONLY:-ABCDEF}
want() { [[ "$ONLY" == *"$1"* ]]; }
SCENARIOS=0
for s in A B C D E F; do want "$s" && { [ "$s" != E ] || [ "$SMTP_DOWN" -gt 0 ]; } && SCENARIOS=$((SCENARIOS + 1)); done
faults_text() { echo "$FAULTS + $RESTARTS restarts"; }

PGPORT=$(free_port)
start_cluster "$PG" "$PGPORT"
PSQL="$(pg_bindir)/psql"
export PGCONNECT_TIMEOUT=5
"$(pg_bindir)/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres cctvfaults
export FAULTS_PSQL="$PSQL" FAULTS_PGPORT="$PGPORT" FAULTS_DB=cctvfaults
sql() { timeout 30 "$PSQL" -h 127.0.0.1 -p "$PGPORT" -U postgres -d cctvfaults -qtAX -v ON_ERROR_STOP=1 -c "$1"; }
log "PostgreSQL on 127.0.0.1:$PGPORT (data in $PG)"

KEYS="$WORK/personal-data-keys.json"
(umask 077; printf '{"encryptionKeys":{"1":"%s"},"currentKey":"1","indexKey":"%s"}\n' "$(head -c 32 /dev/urandom | base64)" "$(head -c 32 /dev/urandom | base64)" > "$KEYS")
export FAULTS_KEYS="$KEYS"
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
SMTP_PORT=$(free_port)
mkdir -p "$FILES"

# The API's environment, the same for every start and for create-admin.
api_env() {
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$PGPORT;Database=cctvfaults;Username=postgres"
  export Storage__Root="$FILES" ASPNETCORE_URLS="$BASE" App__PublicBaseUrl="$BASE" PersonalData__KeyFile="$KEYS"
  # The reconciliation right after start takes what is older than 1 s (production: an hour), so that what the kill left goes.
  export Storage__ReconcileMinAge=00:00:01
  export RateLimiting__Submission__PermitLimit=100000 RateLimiting__SubmissionPerDocument__PermitLimit=100000
  export RateLimiting__Status__PermitLimit=100000 Limits__ConcurrentSubmissions=64 Limits__SubmissionQueue=256
  # E-mail through the SMTP server of scenarios D and E (A-C ask for none). A 10 s lease (production: 120 s) so that
  # what a killed node claimed is due again soon; a 1 s poll (production: 5 s) so that retries leave on time.
  export Notifications__Email__Host=127.0.0.1 Notifications__Email__Port="$SMTP_PORT" Notifications__Email__UseTls=false
  export Notifications__Email__From="CCTV faults <cctv@faults.example>" Notifications__Email__TimeoutSeconds=10
  export Notifications__Outbox__LeaseSeconds=10 Notifications__Outbox__PollSeconds=1
}

# The API in the background, same environment and storage every time; its output goes to $API_LOG.
start_api() {
  echo "---- API start $(date -u +%H:%M:%S.%N) ----" >>"$API_LOG"
  (
    api_env
    exec dotnet "$API_DIR/CctvRequests.Api.dll" --contentRoot "$API_DIR"
  ) </dev/null >>"$API_LOG" 2>&1 &
  API_PID=$!
  local deadline=$((SECONDS + 90)) code
  while [ "$SECONDS" -lt "$deadline" ]; do
    kill -0 "$API_PID" 2>/dev/null || { API_PID=; die "the API exited while starting (see its log below)"; }
    code=$(curl -s -m 3 -o /dev/null -w '%{http_code}' "$BASE/healthz" || true)
    [ "$code" = 200 ] && return 0
    sleep 0.3
  done
  die "GET /healthz did not answer 200 within 90 s"
}

# start_smtp MAILDIR [smtp options]: aiosmtpd (see faults_client.py smtp) on $SMTP_PORT, storing into MAILDIR.
start_smtp() {
  local maildir=$1; shift
  "$SMTP_PYTHON" "$CLIENT" smtp "$maildir" "127.0.0.1:$SMTP_PORT" "$@" </dev/null >>"$WORK/smtp.log" 2>&1 &
  SMTP_PID=$!
  python3 "$CLIENT" smtp-ready "127.0.0.1:$SMTP_PORT" || { tail -n 20 "$WORK/smtp.log" >&2; die "aiosmtpd did not listen on $SMTP_PORT"; }
}
stop_smtp() {
  [ -n "$SMTP_PID" ] || return 0
  kill -9 "$SMTP_PID" 2>/dev/null || true
  wait "$SMTP_PID" 2>/dev/null || true
  SMTP_PID=
}

# wait_bg PID SECONDS NAME: waits for a background job of ours, kills it when it overruns.
wait_bg() {
  local pid=$1 deadline=$((SECONDS + $2))
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; die "$3 did not finish within $2 s"; fi
    sleep 0.2
  done
  wait "$pid" 2>/dev/null || true
  # Done: forget it, so that the exit trap never signals a recycled process id.
  local keep=() p
  for p in "${BG_PIDS[@]}"; do [ "$p" = "$pid" ] || keep+=("$p"); done
  BG_PIDS=("${keep[@]}")
}

log "starting the API from $API_DIR on $BASE (log: $API_LOG)"
start_api
python3 "$CLIENT" files "$IN"
python3 "$CLIENT" once "$BASE" "$IN" >"$WORK/once.json" || { cat "$WORK/once.json" >&2; die "a plain submission did not get 201"; }
log "a plain submission: 201 $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ref"])' "$WORK/once.json")"

# ------------------------------------------------------------------ A
if want A; then
  log "A: kill -9 with 20 uploads in flight"
  TA=$SECONDS
  python3 "$CLIENT" slow "$BASE" "$IN" "$WORK/a.jsonl" "$WORK/a.ready" --count 20 &
  SLOW_PID=$!; BG_PIDS+=("$SLOW_PID")
  deadline=$((SECONDS + 60))
  until [ -f "$WORK/a.ready" ]; do
    [ "$SECONDS" -lt "$deadline" ] || die "the slow uploads never got under way"
    kill -0 "$SLOW_PID" 2>/dev/null || die "the upload client exited early"
    sleep 0.05
  done
  kill -9 "$API_PID"; KILL_T=$(now); FAULTS=$((FAULTS + 1))
  wait "$API_PID" 2>/dev/null || true
  API_PID=
  log "killed the API (kill -9) with $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mid_upload"])' "$WORK/a.ready") uploads mid-way"
  python3 "$CLIENT" storage "$FILES" "$WORK/a.before.json"
  wait_bg "$SLOW_PID" 120 "the upload client"
  log "restarting the API"
  LOG_LINES=$(wc -l < "$API_LOG")
  RESTARTS=$((RESTARTS + 1))
  start_api
  # Files a crash left between promoting and committing are reconciled in the background after the start.
  for _ in $(seq 1 300); do tail -n +"$((LOG_LINES + 1))" "$API_LOG" | grep -q "storage reconciliation is done" && break; sleep 0.2; done
  python3 "$CLIENT" check-a "$FILES" "$WORK/a.jsonl" "$WORK/a.ready" "$WORK/a.before.json" "$KILL_T" "$((SECONDS - TA))" "$SUMMARY" \
    || FAILED=$((FAILED + 1))
fi

# ------------------------------------------------------------------ B
if want B; then
  log "B: PostgreSQL stopped 30 s under load"
  TB=$SECONDS
  python3 "$CLIENT" storage "$FILES" "$WORK/b.baseline.json" >/dev/null
  rm -f "$WORK/b.stop"
  python3 "$CLIENT" load "$BASE" "$IN" "$WORK/b.jsonl" "$WORK/b.stop" --workers 4 &
  LOAD_PID=$!; BG_PIDS+=("$LOAD_PID")
  sleep 5
  PG_STOP=$(now)
  pg_as_owner "$(pg_bindir)/pg_ctl" -D "$PG" -m fast -w -t 60 stop >/dev/null || die "pg_ctl stop failed"
  PG_STOP_DONE=$(now); FAULTS=$((FAULTS + 1))
  log "PostgreSQL stopped; polling /healthz for 30 s"
  python3 "$CLIENT" health "$BASE" "$WORK/b.health.jsonl" 30 --label down
  PG_START=$(now)
  start_cluster "$PG" "$PGPORT"
  PG_START_DONE=$(now)
  log "PostgreSQL started again; waiting for /healthz 200 (at most 30 s, the API is not restarted)"
  python3 "$CLIENT" health "$BASE" "$WORK/b.health.jsonl" 30 --until-200 --label recovery || true
  sleep "$(python3 -c "import time; print(max(0.0, $PG_START_DONE + 15 - time.time()))")"
  touch "$WORK/b.stop"
  wait_bg "$LOAD_PID" 60 "the load client"
  python3 "$CLIENT" check-b "$FILES" "$WORK/b.jsonl" "$WORK/b.health.jsonl" "$((SECONDS - TB))" "$SUMMARY" \
    "$WORK/b.baseline.json" "$API_LOG" "pg_stop=$PG_STOP" "pg_stop_done=$PG_STOP_DONE" "pg_start=$PG_START" "pg_start_done=$PG_START_DONE" \
    || FAILED=$((FAILED + 1))
fi

# ------------------------------------------------------------------ C
if want C; then
  log "C: attachment folders not writable"
  TC=$SECONDS
  TC_START=$(now)
  python3 "$CLIENT" storage "$FILES" "$WORK/c.baseline.json" >/dev/null
  requests() { sql "SELECT count(*) FROM footage_requests"; }
  COUNTS=()
  for folder in tmp objects; do
    COUNTS+=("${folder}_before=$(requests)")
    mv "$FILES/$folder" "$FILES/$folder.aside"
    touch "$FILES/$folder"
    FAULTS=$((FAULTS + 1))
    python3 "$CLIENT" burst "$BASE" "$IN" "$WORK/c.jsonl" 5 "$folder-broken"
    COUNTS+=("${folder}_during=$(requests)")
    rm -f "$FILES/$folder"
    mv "$FILES/$folder.aside" "$FILES/$folder"
    python3 "$CLIENT" burst "$BASE" "$IN" "$WORK/c.jsonl" 3 "$folder-restored"
  done
  python3 "$CLIENT" check-c "$FILES" "$WORK/c.jsonl" "$((SECONDS - TC))" "$SUMMARY" "$WORK/c.baseline.json" "$API_LOG" "$TC_START" \
    "${COUNTS[@]}" || FAILED=$((FAILED + 1))
fi

# An administrator (made once) and a full staff session of theirs in $WORK/staff.json, kept for the scenarios after
# (the session outlives a restart; signing in again would need a new authenticator code, each accepted once).
staff_session() {
  [ -f "$WORK/staff.json" ] && return 0
  if [ ! -f "$WORK/admin.log" ]; then
    (api_env; CCTV_ADMIN_PASSWORD="faults passphrase 2569" exec dotnet "$API_DIR/CctvRequests.Api.dll" \
      create-admin --email faults@example.go.th --name "ผู้ดูแล ทดสอบ" --contentRoot "$API_DIR") </dev/null >>"$WORK/admin.log" 2>&1 \
      || { cat "$WORK/admin.log" >&2; die "create-admin failed"; }
  fi
  python3 "$CLIENT" session "$BASE" faults@example.go.th "faults passphrase 2569" "$WORK/staff.json"
}

# ------------------------------------------------------------------ D
if want D; then
  log "D: kill -9 of the API while it sends e-mail"
  TD=$SECONDS
  python3 "$CLIENT" storage "$FILES" "$WORK/d.baseline.json" >/dev/null
  NOTICE=$(curl -fs -m 10 "$BASE/api/form-settings" | python3 -c 'import json,sys; print(json.load(sys.stdin)["privacyNoticeVersion"])')
  staff_session
  # Each message stored, then its 250 held back 0.1 s: about 10 messages/s, so the dispatcher is still sending when
  # the client is done. Then the next message stored makes the SMTP server kill -9 the API before answering it.
  start_smtp "$WORK/d.mail" --hold 0.1 --kill-pid "$API_PID" --arm "$WORK/d.arm" --holding "$WORK/d.held"
  python3 "$CLIENT" notify "$BASE" "$IN" "$WORK/staff.json" "$WORK/d.jsonl" --count 30 --notice "$NOTICE"
  touch "$WORK/d.arm"
  deadline=$((SECONDS + 60))
  while kill -0 "$API_PID" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || die "the dispatcher sent nothing more within 60 s after the client was done"
    sleep 0.05
  done
  wait "$API_PID" 2>/dev/null || true
  API_PID=; FAULTS=$((FAULTS + 1))
  python3 "$CLIENT" outbox-state "$WORK/d.mail" "$WORK/d.held" "$WORK/d.kill.json"
  log "restarting the API (the claimed messages are due again when their 10 s lease ends)"
  RESTARTS=$((RESTARTS + 1))
  start_api
  python3 "$CLIENT" wait-sent "$WORK/d.jsonl" 90 || true
  stop_smtp
  python3 "$CLIENT" check-messages "D kill -9 during dispatch" "$FILES" "$WORK/d.jsonl" "$WORK/d.mail" "$((SECONDS - TD))" "$SUMMARY" \
    "$WORK/d.baseline.json" "kill -9 API mid-send (+ restart)" --kill "$WORK/d.kill.json" || FAILED=$((FAILED + 1))
fi

# ------------------------------------------------------------------ E
if want E && [ "$SMTP_DOWN" -gt 0 ]; then
  log "E: SMTP down $SMTP_DOWN s under submissions asking for e-mail"
  TE=$SECONDS
  python3 "$CLIENT" storage "$FILES" "$WORK/e.baseline.json" >/dev/null
  start_smtp "$WORK/e.mail"
  rm -f "$WORK/e.stop"
  python3 "$CLIENT" mail-load "$BASE" "$IN" "$WORK/e.jsonl" "$WORK/e.stop" --workers 2 --pause 1 --notice "$NOTICE" &
  LOAD_PID=$!; BG_PIDS+=("$LOAD_PID")
  sleep 5
  SMTP_DOWN_AT=$(now)
  stop_smtp; FAULTS=$((FAULTS + 1))
  log "SMTP stopped (kill -9); submissions go on"
  sleep "$SMTP_DOWN"
  start_smtp "$WORK/e.mail"
  SMTP_UP_AT=$(now)
  log "SMTP started again; 10 s more of submissions, then waiting for the retries"
  printf '{"down": %s, "up": %s}\n' "$SMTP_DOWN_AT" "$SMTP_UP_AT" > "$WORK/e.down.json"
  sleep 10
  touch "$WORK/e.stop"
  wait_bg "$LOAD_PID" 60 "the e-mail load client"
  # A message first refused at t (0 <= t < the outage) is tried at t + 1 min, then t + 4 min, ...
  python3 "$CLIENT" wait-sent "$WORK/e.jsonl" "$((SMTP_DOWN * 3 + 120))" || true
  stop_smtp
  python3 "$CLIENT" check-messages "E SMTP down ${SMTP_DOWN} s under submissions" "$FILES" "$WORK/e.jsonl" "$WORK/e.mail" "$((SECONDS - TE))" \
    "$SUMMARY" "$WORK/e.baseline.json" "SMTP kill -9 + start" --down "$WORK/e.down.json" || FAILED=$((FAILED + 1))
fi

# ------------------------------------------------------------------ F
if want F; then
  log "F: kill -9 of the API during clip uploads"
  TF=$SECONDS
  python3 "$CLIENT" storage "$FILES" "$WORK/f.baseline.json" >/dev/null
  staff_session
  python3 "$CLIENT" clip-start "$BASE" "$IN" "$WORK/staff.json" "$WORK/clip.mp4" 300 "$WORK/f.json"
  # The same clip in one body (UploadClip), 20 MB/s: about 15 s to send, cut by the kill after 5.
  COOKIE=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["cookie"])' "$WORK/staff.json")
  CSRF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf"])' "$WORK/staff.json")
  REF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ref"])' "$WORK/f.json")
  curl -s -o "$WORK/f.curl" --limit-rate 20M -H "Cookie: $COOKIE" -H "X-CSRF-TOKEN: $CSRF" \
    -F "file=@$WORK/clip.mp4;type=video/mp4" "$BASE/api/staff/requests/$REF/clips" &
  CURL_PID=$!; BG_PIDS+=("$CURL_PID")
  sleep 5
  kill -0 "$CURL_PID" 2>/dev/null || die "the upload ended before the kill: $(cat "$WORK/f.curl")"
  kill -9 "$API_PID"; wait "$API_PID" 2>/dev/null || true
  API_PID=; FAULTS=$((FAULTS + 1))
  wait "$CURL_PID" 2>/dev/null || true
  python3 "$CLIENT" storage "$FILES" "$WORK/f.killed.json"
  log "restarting the API"
  RESTARTS=$((RESTARTS + 1))
  LINES=$(wc -l < "$API_LOG")
  start_api
  for _ in $(seq 1 300); do tail -n +"$((LINES + 1))" "$API_LOG" | grep -q "storage reconciliation is done" && break; sleep 0.2; done
  python3 "$CLIENT" clip-check "$BASE" "$WORK/staff.json" "$FILES" "$WORK/f.json" "$WORK/f.killed.json" "$WORK/f.baseline.json" \
    "$((SECONDS - TF))" "$SUMMARY" || FAILED=$((FAILED + 1))
  rm -f "$WORK/clip.mp4"
fi

# ------------------------------------------------------------------ summary
echo
SUMMARY_SHOWN=1
python3 "$CLIENT" storage "$FILES" "$WORK/end.json" >/dev/null
python3 "$CLIENT" summary "$SUMMARY" "$(faults_text)" "$((SECONDS - T0))" "$SCENARIOS" "$WORK/end.json" || FAILED=$((FAILED + 1))
[ "$FAILED" -eq 0 ] || exit 1
