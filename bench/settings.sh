#!/usr/bin/env bash
# One read's throughput, cold and warm, under runtime settings side by side (issue 23: which warm-up,
# which runtime knobs). On a folder kept by bench/run.sh (BENCH_KEEP=1), with the API built in Release:
#   BENCH_WORK=/tmp/cctv-bench.XXXX bench/settings.sh "default|" "no spinning|DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0"
# Each argument is "label|VAR=value VAR=value" (a ~ in a value stands for a space; PGPORT for the database's port): for each, a fresh API process with those variables, wrk
# (2 threads, SETTINGS_CONNECTIONS, default 32) for 10 s cold, SETTINGS_WARMUP s more (default 30), then
# SETTINGS_SECONDS measured (default 15). SETTINGS_ENDPOINT: token (default), lookup or stations (a cached GET). SETTINGS_ROUNDS
# (default 1) repeats the whole list in turn, so that the machine's drift falls on every setting alike.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

WORK=${BENCH_WORK:?BENCH_WORK=<a folder kept by bench/run.sh>}
[ -d "$WORK/pg" ] && [ -f "$WORK/samples/tokens.txt" ] || die "$WORK is not a kept benchmark folder"
[ $# -gt 0 ] || die "name at least one \"label|VAR=value ...\""
CONNECTIONS=${SETTINGS_CONNECTIONS:-32}
WARMUP=${SETTINGS_WARMUP:-30}
MEASURED=${SETTINGS_SECONDS:-15}
ROUNDS=${SETTINGS_ROUNDS:-1}
API_DLL=${BENCH_API_DLL:-"$PWD/src/Api/bin/Release/net10.0/CctvRequests.Api.dll"}
[ -f "$API_DLL" ] || die "build the API first: dotnet build src/Api -c Release"

API_PID=
cleanup() {
  set +e
  [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null
  stop_cluster "$WORK/pg"
}
trap cleanup EXIT

PGPORT=$(free_port)
start_cluster "$WORK/pg" "$PGPORT" max_connections=300 shared_buffers=1GB effective_cache_size=4GB work_mem=16MB
CONN="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=cctvbench"
APIPORT=$(free_port)
BASE="http://127.0.0.1:$APIPORT"
S="$WORK/samples"
case "${SETTINGS_ENDPOINT:-token}" in
  token) LOAD=(-s bench/lua/post.lua "$BASE" -- /api/status/token '{"token":"%s"}' "$S/tokens.txt") ;;
  lookup) LOAD=(-s bench/lua/post.lua "$BASE" -- /api/status/lookup '{"nationalId":"%s"}' "$S/ids.txt") ;;
  stations) LOAD=(-s bench/lua/get.lua "$BASE" -- /api/stations) ;;
  *) die "SETTINGS_ENDPOINT is token, lookup or stations" ;;
esac
rps() { grep '^{' | tail -1 | python3 -c 'import json,sys; d=json.load(sys.stdin); print("%7.0f/s p95 %5.1f ms" % (d["rps"], d["p95"] / 1000))'; }

# CPU time (user + system, clock ticks) of the API, of PostgreSQL's processes, and of the whole machine.
cpu_of() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat") )); done; echo "$t"; }
pg_pids() { pgrep -P "$(head -1 "$WORK/pg/postmaster.pid")" | tr '\n' ' '; }
machine() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
printf '%-34s %-21s %-21s %s\n' "setting" "cold (first 10 s)" "warm (measured)" "CPU ms per request warm: API + PostgreSQL + rest (wrk) = all"
for round in $(seq 1 "$ROUNDS"); do
  for spec in "$@"; do
    label=${spec%%|*}; vars=${spec#*|}; vars=${vars//PGPORT/$PGPORT}
    read -ra VARS <<< "$vars"; VARS=("${VARS[@]//\~/ }")
    env ConnectionStrings__Default="$CONN" Storage__Root="$WORK/files" ASPNETCORE_URLS="$BASE" App__PublicBaseUrl="$BASE" \
      ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_CONTENTROOT="$(dirname "$API_DLL")" PersonalData__KeyFile="$WORK/keys.json" \
      Retention__Enabled=false RateLimiting__Lookup__PermitLimit=1000000000 RateLimiting__Status__PermitLimit=1000000000 \
      RateLimiting__LookupPerDocument__PermitLimit=1000000000 "${VARS[@]}" dotnet "$API_DLL" >> "$WORK/settings-api.log" 2>&1 &
    API_PID=$!
    for _ in $(seq 1 600); do curl -fs -o /dev/null "$BASE/healthz" && break; sleep 0.1; done
    cold=$(wrk -t2 -c"$CONNECTIONS" -d10s --timeout 10s "${LOAD[@]}" 2>&1 | rps)
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s "${LOAD[@]}" >/dev/null 2>&1 || true
    # shellcheck disable=SC2046
    PGP=$(pg_pids); api0=$(cpu_of "$API_PID"); pg0=$(cpu_of $PGP); all0=$(machine)
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${MEASURED}s" --timeout 10s "${LOAD[@]}" 2>&1)
    # shellcheck disable=SC2086
    api1=$(cpu_of "$API_PID"); pg1=$(cpu_of $PGP); all1=$(machine)
    warm=$(rps <<< "$out")
    per=$(python3 -c '
import json, os, sys
d = json.loads([l for l in sys.argv[1].splitlines() if l.startswith("{")][-1])
api, pg, everything = (int(x) / os.sysconf("SC_CLK_TCK") for x in sys.argv[2:5])
n = d["rps"] * int(sys.argv[5]) / 1000
errors = d.get("errors", 0) + d.get("non2xx", 0)
print("%.3f + %.3f + %.3f = %.3f%s" % (api / n, pg / n, (everything - api - pg) / n, everything / n, "  (%d errors)" % errors if errors else ""))
' "$out" "$((api1 - api0))" "$((pg1 - pg0))" "$((all1 - all0))" "$MEASURED")
    printf '%-34s %-21s %-21s %s\n' "$label" "$cold" "$warm" "$per"
    kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=
  done
done
