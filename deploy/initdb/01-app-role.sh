#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is new: the application's own role, which owns nothing.
# The migrate service (as POSTGRES_USER, the owner) grants it row access after each migration.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE cctv_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
