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
# Two roles, as on a server: cctv_owner owns the schema and migrates; the API runs as cctv_app,
# which may read and write rows but not create, alter or drop anything (see docs/SECURITY.md).
sql() { "$(pg_bindir)/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
sql -d postgres -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cctv_owner') THEN CREATE ROLE cctv_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cctv_app') THEN CREATE ROLE cctv_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF;
END \$\$"
if [ "$(sql -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'cctvrequests'")" != 1 ]; then
  "$(pg_bindir)/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres -O cctv_owner cctvrequests
  sql -d cctvrequests -c "ALTER SCHEMA public OWNER TO cctv_owner"
else
  # A data folder from before the two roles: hand everything in it to cctv_owner once.
  sql -d cctvrequests -c "ALTER DATABASE cctvrequests OWNER TO cctv_owner; ALTER SCHEMA public OWNER TO cctv_owner; DO \$\$ DECLARE r record; BEGIN
    FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'cctv_owner' LOOP
      EXECUTE format('ALTER TABLE public.%I OWNER TO cctv_owner', r.tablename); END LOOP;
    FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> 'cctv_owner' LOOP
      EXECUTE format('ALTER FUNCTION %s OWNER TO cctv_owner', r.f); END LOOP;
  END \$\$"
fi

export ConnectionStrings__Owner="Host=127.0.0.1;Port=$PGPORT;Database=cctvrequests;Username=cctv_owner"
export ConnectionStrings__Default="Host=127.0.0.1;Port=$PGPORT;Database=cctvrequests;Username=cctv_app"
export Swagger__Enabled="${Swagger__Enabled:-true}"
# The keys that encrypt identity numbers at rest (made once; back this file up with the database:
# without it the numbers cannot be read). See docs/PERSONAL-DATA.md.
KEYS="$DATA/personal-data-keys.json"
if [ ! -f "$KEYS" ]; then
  (umask 077; printf '{"encryptionKeys":{"1":"%s"},"currentKey":"1","indexKey":"%s"}\n' \
    "$(head -c 32 /dev/urandom | base64)" "$(head -c 32 /dev/urandom | base64)" > "$KEYS")
  log "made $KEYS"
fi
export PersonalData__KeyFile="$KEYS"
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
