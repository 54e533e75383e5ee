#!/usr/bin/env bash
# Where the API's CPU goes under one read's load (issue 23: profile before changing anything).
# A fresh PostgreSQL with PROFILE_COUNT requests (default 100,000; or BENCH_WORK=<a folder kept by
# bench/run.sh>), the API built in Release and started as in production, wrk against the read for
# PROFILE_WARMUP seconds (default 30: the JIT's tiers and PGO settle), then a CPU-sampling trace by
# dotnet-trace (a local tool of the repository; thread-time samples, about 100 Hz per thread) for PROFILE_SECONDS (default 15) under the same load.
# Prints the requests/s cold (first 10 s) and warm, the top PROFILE_TOP (default 25) frames by inclusive
# and by exclusive share of the CPU samples, and where the CPU goes by suspect (bench/profile_cpu.py); keeps the trace (.nettrace and a speedscope .json) in PROFILE_OUT
# (default bench/profiles/<date>-<endpoint>).
#   bench/profile.sh                 # POST /api/status/token
#   PROFILE_ENDPOINT=lookup bench/profile.sh
# Settings: PROFILE_ENDPOINT (token | lookup), PROFILE_COUNT, PROFILE_WARMUP, PROFILE_SECONDS,
# PROFILE_CONNECTIONS (default 32), PROFILE_TOP, PROFILE_OUT, BENCH_API_DLL (another build).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ENDPOINT=${PROFILE_ENDPOINT:-token}
COUNT=${PROFILE_COUNT:-100000}
WARMUP=${PROFILE_WARMUP:-30}
TRACE_SECONDS=${PROFILE_SECONDS:-15}
CONNECTIONS=${PROFILE_CONNECTIONS:-32}
TOP=${PROFILE_TOP:-25}
OUT=${PROFILE_OUT:-bench/profiles/$(date -u +%Y%m%d-%H%M)-$ENDPOINT}

ensure_dotnet
ensure_debian_packages postgresql wrk curl python3
dotnet tool restore >/dev/null
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

REUSE=0
if [ -n "${BENCH_WORK:-}" ]; then
  WORK=$BENCH_WORK; REUSE=1
  [ -d "$WORK/pg" ] && [ -f "$WORK/samples/tokens.txt" ] || die "$WORK is not a kept benchmark folder"
else
  WORK=$(mktemp -d /tmp/cctv-profile.XXXXXX)
fi
API_PID=
WRK_PID=
cleanup() {
  set +e
  [ -n "$WRK_PID" ] && kill "$WRK_PID" 2>/dev/null && wait "$WRK_PID" 2>/dev/null
  [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null
  stop_cluster "$WORK/pg"
  [ "$REUSE" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

log "building (Release)"
dotnet build src/Api -c Release -v q -nologo >/dev/null
dotnet build bench/Bench -c Release -v q -nologo >/dev/null
API_DLL=${BENCH_API_DLL:-"$PWD/src/Api/bin/Release/net10.0/CctvRequests.Api.dll"}
BENCH_DLL="$PWD/bench/Bench/bin/Release/net10.0/CctvRequests.Bench.dll"

PGPORT=$(free_port)
[ "$REUSE" = 1 ] || rm -rf "$WORK/pg"
start_cluster "$WORK/pg" "$PGPORT" max_connections=300 shared_buffers=1GB effective_cache_size=4GB work_mem=16MB
[ "$REUSE" = 1 ] || "$(pg_bindir)/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres cctvbench
CONN="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=cctvbench"
KEYS="$WORK/keys.json"
[ "$REUSE" = 1 ] || (umask 077; printf '{"encryptionKeys":{"1":"%s"},"currentKey":"1","indexKey":"%s"}\n' "$(head -c 32 /dev/urandom | base64)" "$(head -c 32 /dev/urandom | base64)" > "$KEYS")
mkdir -p "$WORK/files"
APIPORT=$(free_port)
BASE="http://127.0.0.1:$APIPORT"
API_ENV=(ConnectionStrings__Default="$CONN" Storage__Root="$WORK/files" ASPNETCORE_URLS="$BASE" App__PublicBaseUrl="$BASE" \
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_CONTENTROOT="$(dirname "$API_DLL")" PersonalData__KeyFile="$KEYS" Retention__Enabled=false \
    RateLimiting__Lookup__PermitLimit=1000000000 RateLimiting__Status__PermitLimit=1000000000 \
    RateLimiting__LookupPerDocument__PermitLimit=1000000000)
start_api() {
  env "${API_ENV[@]}" dotnet "$API_DLL" >> "$WORK/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "$BASE/healthz" && return 0
    kill -0 "$API_PID" 2>/dev/null || { tail -30 "$WORK/api.log" >&2; die "the API stopped"; }
    sleep 0.1
  done
  die "the API did not answer /healthz"
}

log "migrating"
start_api
kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=
if [ "$REUSE" = 0 ]; then
  log "seeding $COUNT requests"
  dotnet "$BENCH_DLL" seed "$CONN" "$COUNT" "$KEYS" "$WORK/samples"
else
  COUNT=$("$(pg_bindir)/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d cctvbench -tAc "SELECT count(*) FROM footage_requests")
fi
start_api

S="$WORK/samples"
case "$ENDPOINT" in
  token) LOAD=(-s bench/lua/post.lua "$BASE" -- /api/status/token '{"token":"%s"}' "$S/tokens.txt") ;;
  lookup) LOAD=(-s bench/lua/post.lua "$BASE" -- /api/status/lookup '{"nationalId":"%s"}' "$S/ids.txt") ;;
  *) die "PROFILE_ENDPOINT is token or lookup" ;;
esac
rps() { grep '^{' | tail -1 | python3 -c 'import json,sys; d=json.load(sys.stdin); print("%.0f requests/s, p95 %.1f ms" % (d["rps"], d["p95"] / 1000))'; }

log "cold: the first 10 s after the start"
COLD=$(wrk -t2 -c"$CONNECTIONS" -d10s --timeout 10s "${LOAD[@]}" 2>&1 | rps)
log "cold: $COLD"
log "warming up for $WARMUP s more"
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s "${LOAD[@]}" >/dev/null 2>&1 || true
log "warm, traced for $TRACE_SECONDS s"
wrk -t2 -c"$CONNECTIONS" -d"$((TRACE_SECONDS + 4))s" --timeout 10s "${LOAD[@]}" > "$WORK/wrk.out" 2>&1 &
WRK_PID=$!
sleep 2
dotnet dotnet-trace collect -p "$API_PID" --profile dotnet-sampled-thread-time --duration "00:00:00:$(printf '%02d' "$TRACE_SECONDS")" \
  -o "$OUT/trace.nettrace" > "$WORK/trace.log" 2>&1 || { cat "$WORK/trace.log" >&2; die "dotnet-trace failed"; }
wait "$WRK_PID" || true; WRK_PID=
WARM=$(rps < "$WORK/wrk.out")
log "warm (while traced): $WARM"
dotnet dotnet-trace convert "$OUT/trace.nettrace" --format Speedscope -o "$OUT/trace" > /dev/null 2>&1 || true

{
  echo "endpoint $ENDPOINT, $COUNT requests, $CONNECTIONS connections, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')${BENCH_API_DLL:+, the API of $BENCH_API_DLL}"
  echo "cold (first 10 s): $COLD"
  echo "warm (after $((10 + WARMUP)) s, while traced): $WARM"
  echo
  # The CPU view: only samples of running threads (dotnet-trace's own topN counts waiting threads too).
  python3 bench/profile_cpu.py "$OUT/trace.speedscope.json" "$TOP" 1
} | tee "$OUT/report.txt"
