#!/usr/bin/env bash
# Two API nodes sharing one PostgreSQL, one S3-compatible bucket (s3rver) and one Redis, as behind a load
# balancer, and the checks that they behave as one service:
#   1. a submission on node A is read on node B: the citizen's status by token, the staff detail, every attachment;
#   2. a staff sign-in (password and two-step set-up) on node A is a valid session on node B;
#   3. one national ID looked up alternately on A and B: five answered, the sixth and seventh refused (429);
#   4. kill -9 of node A during 10 uploads, some answered, some mid-way, some with their files sent to the bucket
#      and their commit held back (the reference-number counter locked), so that the kill leaves objects no request
#      names; every 201 is saved with all its files, and after node B's reconciliation no object in the bucket lacks
#      a request, no request lacks an object, no request is half-saved; A starts again with its scratch emptied.
# Prints each check and exits non-zero when one fails. About 1 to 2 minutes (plus the build without TWO_NODES_API_DIR).
# Settings: TWO_NODES_API_DIR (an already built API folder: skips the build), TWO_NODES_KEEP=1 (keep the work folder).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

T0=$SECONDS
ensure_dotnet
ensure_debian_packages postgresql redis-server python3 curl
ensure_s3rver

if [ -n "${TWO_NODES_API_DIR:-}" ]; then
  API_DIR=$(cd "$TWO_NODES_API_DIR" && pwd)
else
  log "building"
  dotnet build src/Api -c Release -v q -nologo >/dev/null
  API_DIR="$PWD/src/Api/bin/Release/net10.0"
fi
[ -f "$API_DIR/CctvRequests.Api.dll" ] || die "no CctvRequests.Api.dll in $API_DIR"

FC="$PWD/scripts/faults_client.py"
CLIENT="$PWD/scripts/two_nodes_client.py"
WORK=$(mktemp -d /tmp/cctvrequests-two-nodes.XXXXXX)
IN="$WORK/inputs"
PIDS=()
PASSED=0
FAILED=0

cleanup() {
  local rc=$?
  set +e
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  stop_redis "$WORK/redis"; stop_s3rver "$WORK/s3"; stop_cluster "$WORK/pg"
  if [ "$rc" -ne 0 ]; then
    for n in A B; do
      [ -f "$WORK/node$n.log" ] || continue
      printf '\n--- node %s: errors and last lines ---\n' "$n" >&2
      grep -E -A3 '^(fail|crit): ' "$WORK/node$n.log" | cut -c1-220 | tail -n 20 >&2
      tail -n 8 "$WORK/node$n.log" | cut -c1-220 >&2
    done
  fi
  if [ "${TWO_NODES_KEEP:-0}" = 1 ]; then echo "work folder kept: $WORK" >&2; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# check NAME COMMAND...: runs a check, prints PASS/FAIL with what it printed.
check() {
  local name=$1; shift
  local output rc=0
  output=$("$@" 2>&1) || rc=$?
  if [ "$rc" -eq 0 ]; then PASSED=$((PASSED + 1)); printf 'PASS  %s\n      %s\n' "$name" "$output"
  else FAILED=$((FAILED + 1)); printf 'FAIL  %s\n      %s\n' "$name" "$output"; fi
  return 0
}
json() { python3 -c "import json,sys; print(json.loads(sys.argv[1])$2)" "$1"; }

# ------------------------------------------------------------------ the shared parts
PGPORT=$(free_port)
start_cluster "$WORK/pg" "$PGPORT" fsync=off
"$(pg_bindir)/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres cctvtwo
export FAULTS_PSQL="$(pg_bindir)/psql" FAULTS_PGPORT="$PGPORT" FAULTS_DB=cctvtwo
sql() { "$FAULTS_PSQL" -h 127.0.0.1 -p "$PGPORT" -U postgres -d cctvtwo -qtAX -v ON_ERROR_STOP=1 -c "$1"; }
S3PORT=$(free_port)
start_s3rver "$WORK/s3" "$S3PORT"
REDISPORT=$(free_port)
start_redis "$WORK/redis" "$REDISPORT"
log "PostgreSQL 127.0.0.1:$PGPORT, s3rver 127.0.0.1:$S3PORT (bucket cctv), Redis 127.0.0.1:$REDISPORT"

KEYS="$WORK/personal-data-keys.json"
(umask 077; printf '{"encryptionKeys":{"1":"%s"},"currentKey":"1","indexKey":"%s"}\n' "$(head -c 32 /dev/urandom | base64)" "$(head -c 32 /dev/urandom | base64)" > "$KEYS")
PORT_A=$(free_port); PORT_B=$(free_port)
A="http://127.0.0.1:$PORT_A"; B="http://127.0.0.1:$PORT_B"

# What every node gets: the same database, bucket, Redis and keys; its own scratch folder and port.
node_env() {
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$PGPORT;Database=cctvtwo;Username=postgres"
  export Storage__Provider=S3 Storage__S3__ServiceUrl="http://127.0.0.1:$S3PORT" Storage__S3__Bucket=cctv
  export Storage__S3__AccessKey=S3RVER Storage__S3__SecretKey=S3RVER Storage__S3__CreateBucket=true
  # Reconcile every 10 s what is older than 5 s (production: every 30 min, older than an hour).
  export Storage__ReconcileEvery=00:00:10 Storage__ReconcileMinAge=00:00:05
  export Redis__Configuration="127.0.0.1:$REDISPORT" Redis__KeyPrefix=cctv-two
  export PersonalData__KeyFile="$KEYS" App__PublicBaseUrl="$A" ASPNETCORE_ENVIRONMENT=Production
  export RateLimiting__Submission__PermitLimit=100000 RateLimiting__SubmissionPerDocument__PermitLimit=100000
  export RateLimiting__Status__PermitLimit=100000
}

# start_node NAME PORT: node NAME in the background, its scratch in $WORK/nodeNAME, output in $WORK/nodeNAME.log.
declare -A NODE_PID
start_node() {
  local name=$1 port=$2
  echo "---- start $(date -u +%H:%M:%S.%N) ----" >>"$WORK/node$name.log"
  (
    node_env
    export Storage__Root="$WORK/node$name" ASPNETCORE_URLS="http://127.0.0.1:$port"
    exec dotnet "$API_DIR/CctvRequests.Api.dll" --contentRoot "$API_DIR"
  ) </dev/null >>"$WORK/node$name.log" 2>&1 &
  NODE_PID[$name]=$!
  PIDS+=($!)
  local deadline=$((SECONDS + 90))
  while [ "$SECONDS" -lt "$deadline" ]; do
    kill -0 "${NODE_PID[$name]}" 2>/dev/null || die "node $name exited while starting"
    [ "$(curl -s -m 3 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz" || true)" = 200 ] && return 0
    sleep 0.3
  done
  die "node $name: GET /healthz did not answer 200 within 90 s"
}

# A command of the API (create-admin, storage check), with the nodes' settings.
api_command() ( node_env; export Storage__Root="$WORK/cli"; dotnet "$API_DIR/CctvRequests.Api.dll" "$@" --contentRoot "$API_DIR" </dev/null )

log "starting node A on $A and node B on $B"
start_node A "$PORT_A"
start_node B "$PORT_B"
python3 "$FC" files "$IN"

# ------------------------------------------------------------------ 1 and 2
SUBMITTED=$(python3 "$CLIENT" submit "$A" "$IN") || die "a submission on node A failed: $SUBMITTED"
REF=$(json "$SUBMITTED" '["ref"]'); TOKEN=$(json "$SUBMITTED" '["token"]')
log "submitted $REF on node A"
check "1a. filed on A ($REF), its status read on B by the citizen's token" python3 "$CLIENT" token "$B" "$TOKEN"

ADMIN_EMAIL=admin@two-nodes.test
ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
CCTV_ADMIN_PASSWORD="$ADMIN_PASSWORD" api_command create-admin --email "$ADMIN_EMAIL" --name "Two Nodes" >/dev/null
export TWO_NODES_SESSION="$WORK/session.json"
check "1b+2. signed in on A (password + two-step set-up); on B: the session, the staff detail, each attachment" \
  python3 "$CLIENT" staff "$A" "$B" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$REF" "$IN"
check "1c. an API client made on A reads the detail on B; revoked on A, its token is refused on B at the next call (401)" \
  python3 "$CLIENT" clients "$A" "$B" "$WORK/session.json" "$REF"

# ------------------------------------------------------------------ 3
check "3. one national ID looked up on A,B,A,B,A (200 each), then B and A refuse the 6th and 7th (429)" python3 "$CLIENT" lookups "$A" "$B"

# ------------------------------------------------------------------ 4
log "4: kill -9 of node A during 10 uploads"
python3 "$FC" slow "$A" "$IN" "$WORK/slow.jsonl" "$WORK/slow.ready" --count 10 &
SLOW=$!; PIDS+=($SLOW)
deadline=$((SECONDS + 60))
until [ -f "$WORK/slow.ready" ]; do
  [ "$SECONDS" -lt "$deadline" ] || die "the uploads never got under way"
  sleep 0.05
done
# Hold the reference-number counter, so that the next uploads to finish have their files sent to the bucket
# and then wait for the commit: killing A then leaves objects that no request names, as a real crash can.
"$FAULTS_PSQL" -h 127.0.0.1 -p "$PGPORT" -U postgres -d cctvtwo -qtAX \
  -c "BEGIN; LOCK TABLE reference_counters IN SHARE MODE; SELECT pg_sleep(300); COMMIT;" >/dev/null 2>&1 &
HOLDER=$!; PIDS+=($HOLDER)
deadline=$((SECONDS + 40))
until [ "$(sql "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'reference_counters' AND NOT l.granted")" -ge 1 ]; do
  [ "$SECONDS" -lt "$deadline" ] || break
  sleep 0.1
done
WAITING=$(sql "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'reference_counters' AND NOT l.granted")
kill -9 "${NODE_PID[A]}"
wait "${NODE_PID[A]}" 2>/dev/null || true
kill "$HOLDER" 2>/dev/null || true
sql "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(300)%' AND pid <> pg_backend_pid()" >/dev/null
wait "$SLOW" 2>/dev/null || true
READY=$(cat "$WORK/slow.ready")
SCRATCH_LEFT=$(find "$WORK/nodeA/tmp" -type f | wc -l)
AFTER_KILL=$(api_command storage check || true)
log "killed A with $(json "$READY" '["mid_upload"]') uploads mid-way and $WAITING waiting for their commit with their files sent; A's scratch holds $SCRATCH_LEFT files; bucket: $AFTER_KILL"
orphans_made() {
  echo "right after the kill: $AFTER_KILL"
  case "$AFTER_KILL" in *" unreferenced=0 "*) return 1 ;; *) return 0 ;; esac
}
check "4a. the kill left objects in the bucket that no request names (files sent, commit never made)" orphans_made
# B reconciles every 10 s what is older than 5 s: wait for a run that started after kill + 5 s.
log "waiting for node B's reconciliation"
LINES_B=$(wc -l < "$WORK/nodeB.log"); LINES_KILL=$LINES_B
sleep 6
deadline=$((SECONDS + 40))
until tail -n +"$((LINES_B + 1))" "$WORK/nodeB.log" | grep -q "storage reconciliation is done"; do
  [ "$SECONDS" -lt "$deadline" ] || die "node B did not reconcile within 40 s"
  sleep 0.5
done
LINES_B=$(wc -l < "$WORK/nodeB.log")
until tail -n +"$((LINES_B + 1))" "$WORK/nodeB.log" | grep -q "storage reconciliation is done"; do
  [ "$SECONDS" -lt "$deadline" ] || die "node B did not reconcile a second time within 40 s"
  sleep 0.5
done
# What B's runs since the kill removed (the warning is written only by a run that removed something).
RECONCILED=$(tail -n +"$((LINES_KILL + 1))" "$WORK/nodeB.log" | grep -o "Storage reconciliation removed.*" | head -n 1 || true)
RECONCILED=${RECONCILED:-"B's runs since the kill removed nothing"}

saved_check() {
  python3 - "$WORK/slow.jsonl" <<'PY'
import json, os, subprocess, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
created = [r["ref"] for r in rows if r["status"] == 201]
def q(s):
    return subprocess.run([os.environ["FAULTS_PSQL"], "-h", "127.0.0.1", "-p", os.environ["FAULTS_PGPORT"], "-U", "postgres",
                           "-d", os.environ["FAULTS_DB"], "-qtAX", "-c", s], capture_output=True, text=True, check=True).stdout.split()
saved = set(q("SELECT reference_number FROM footage_requests"))
lost = [r for r in created if r not in saved]
half = q("SELECT count(*) FROM footage_requests r WHERE (SELECT count(*) FROM request_attachments a WHERE a.request_id = r.id) <> 3")[0]
answers = {}
for r in rows:
    k = str(r["status"] or r["error"].split(":")[0])
    answers[k] = answers.get(k, 0) + 1
print(json.dumps({"answers": answers, "created": len(created), "lost": lost, "requests_without_all_3_files": int(half)}))
sys.exit(0 if not lost and half == "0" else 1)
PY
}
check "4b. every 201 among the 10 uploads is saved; no request lacks one of its 3 files" saved_check
check "4c. after B's reconciliation ($RECONCILED): every object has its request and every attachment its object" api_command storage check
log "starting node A again"
start_node A "$PORT_A"
scratch_check() {
  local left; left=$(find "$WORK/nodeA/tmp" -type f | wc -l)
  echo "A's scratch held $SCRATCH_LEFT files after the kill, $left after its start"
  [ "$left" -eq 0 ]
}
check "4d. node A starts again and empties its own scratch folder" scratch_check
check "4e. node A serves again: a submission on A" python3 "$CLIENT" submit "$A" "$IN"

printf '\n%d passed, %d failed, in %d s\n' "$PASSED" "$FAILED" "$((SECONDS - T0))"
[ "$FAILED" -eq 0 ]
