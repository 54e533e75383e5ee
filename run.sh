#!/usr/bin/env bash
# Runs CctvRequests on http://localhost:8080 with a local PostgreSQL kept in .data/ (made on first run).
# Ctrl-C stops the API and the database. Settings: PORT (API, default 8080), PGPORT (default 55432).
#   ./run.sh create-admin --email <e-mail> --name "<full name>"   makes the first staff administrator
#   (password from CCTV_ADMIN_PASSWORD, or asked), then exits.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

ensure_dotnet
ensure_debian_packages postgresql

DATA="$PWD/.data"
PGPORT=${PGPORT:-55432}
PORT=${PORT:-8080}
mkdir -p "$DATA/files"

cleanup() { log "stopping PostgreSQL"; stop_cluster "$DATA/pg"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

start_cluster "$DATA/pg" "$PGPORT"
"$(pg_bindir)/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='cctvrequests'" | grep -q 1 \
  || "$(pg_bindir)/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres cctvrequests

export ConnectionStrings__Default="Host=127.0.0.1;Port=$PGPORT;Database=cctvrequests;Username=postgres"
export Storage__Root="$DATA/files"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:$PORT}"
export App__PublicBaseUrl="${App__PublicBaseUrl:-http://localhost:$PORT}"

log "building"
dotnet build src/Api -c Release -v q -nologo >/dev/null
if [ "${1:-}" = "create-admin" ]; then
  dotnet run --project src/Api -c Release --no-build --no-launch-profile -- "$@"
  exit $?
fi
log "serving on $ASPNETCORE_URLS  (Swagger: $ASPNETCORE_URLS/swagger; staff: $ASPNETCORE_URLS/staff/; Ctrl-C stops)"
dotnet run --project src/Api -c Release --no-build --no-launch-profile
