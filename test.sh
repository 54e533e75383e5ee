#!/usr/bin/env bash
# Builds and runs every test against a throwaway PostgreSQL, clamd, Redis, s3rver and headless Chromium, installing what is missing.
# Exits non-zero when anything fails. Arguments, when given, are passed to `dotnet test` instead of the whole solution.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

ensure_dotnet
ensure_debian_packages postgresql chromium fonts-tlwg-loma-ttf poppler-utils clamav-daemon redis-server python3-aiosmtpd ffmpeg

WORK=$(mktemp -d /tmp/cctvrequests-test.XXXXXX)
cleanup() { stop_s3rver "$WORK/s3"; stop_redis "$WORK/redis"; stop_clamd "$WORK/clamd"; stop_cluster "$WORK/pg"; rm -rf "$WORK"; }
trap cleanup EXIT

PGPORT=$(free_port)
start_cluster "$WORK/pg" "$PGPORT" fsync=off synchronous_commit=off full_page_writes=off max_connections=200
export CCTV_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
export CCTV_TEST_CHROMIUM=/usr/bin/chromium
CCTV_TEST_PGBIN=$(pg_bindir)
export CCTV_TEST_PGBIN
log "PostgreSQL on 127.0.0.1:$PGPORT"

CLAMPORT=$(free_port)
start_clamd "$WORK/clamd" "$CLAMPORT"
export CCTV_TEST_CLAMAV="127.0.0.1:$CLAMPORT"
log "clamd on 127.0.0.1:$CLAMPORT"
REDISPORT=$(free_port)
start_redis "$WORK/redis" "$REDISPORT"
export CCTV_TEST_REDIS="127.0.0.1:$REDISPORT"
log "Redis on 127.0.0.1:$REDISPORT"
S3PORT=$(free_port)
start_s3rver "$WORK/s3" "$S3PORT"
export CCTV_TEST_S3="http://127.0.0.1:$S3PORT"
log "s3rver (S3-compatible) on 127.0.0.1:$S3PORT"

log "building"
dotnet tool restore >/dev/null
dotnet build CctvRequests.sln -c Release -nologo -v q

log "checking that the model has no migration missing"
ConnectionStrings__Default="$CCTV_TEST_POSTGRES" dotnet ef migrations has-pending-model-changes \
  -p src/Infrastructure -s src/Api --configuration Release --no-build >/dev/null \
  || die "the EF model has changes without a migration: run 'dotnet ef migrations add <Name> -p src/Infrastructure -s src/Api -o Persistence/Migrations'"

log "testing"
# With arguments, only those tests (e.g. ./test.sh tests/Api.Tests --filter "FullyQualifiedName~StaffSignIn");
# without, every test project.
if [ $# -gt 0 ]; then
  dotnet test "$@" -c Release --no-build -nologo -v q --logger "console;verbosity=minimal"
else
  dotnet test CctvRequests.sln -c Release --no-build -nologo -v q --logger "console;verbosity=minimal"
fi
