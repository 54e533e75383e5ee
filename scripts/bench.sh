#!/usr/bin/env bash
# Benchmarks the submission path on this machine against a throwaway PostgreSQL, and prints the
# figures recorded in docs/BENCHMARKS.md:
#   1. large uploads: 30 MB requests (3 x 9.9 MB PDFs + signature), 4 at a time; server peak RSS
#      shows whether bodies are streamed or buffered;
#   2. small submissions: 200 complete requests (~3 KB of files), 8 at a time: requests/s and
#      latency, with every request taking the year's reference-number row lock.
# Usage: scripts/bench.sh [large_count] [small_count]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_dotnet
ensure_debian_packages postgresql curl

LARGE=${1:-12}
SMALL=${2:-200}
WORK=$(mktemp -d /tmp/cctvrequests-bench.XXXXXX)
API_PID=
cleanup() { [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null || true; stop_cluster "$WORK/pg"; rm -rf "$WORK"; }
trap cleanup EXIT

PGPORT=$(free_port); PORT=$(free_port)
start_cluster "$WORK/pg" "$PGPORT"
"$(pg_bindir)/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres bench
dotnet build src/Api -c Release -v q -nologo >/dev/null
ConnectionStrings__Default="Host=127.0.0.1;Port=$PGPORT;Database=bench;Username=postgres" \
Storage__Root="$WORK/files" ASPNETCORE_URLS="http://127.0.0.1:$PORT" Logging__LogLevel__Default=Warning \
  dotnet src/Api/bin/Release/net10.0/CctvRequests.Api.dll --contentRoot "$PWD/src/Api" >"$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null || { cat "$WORK/api.log"; die "the API did not start"; }

python3 scripts/bench_driver.py "http://127.0.0.1:$PORT" "$API_PID" "$WORK" "$LARGE" "$SMALL"
