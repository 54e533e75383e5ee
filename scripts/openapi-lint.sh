#!/usr/bin/env bash
# Lints the committed OpenAPI document with a tool nobody here wrote: Redocly CLI 2.77.0, its recommended rules.
# Exits non-zero on any error (warnings are printed). Needs npm's registry the first time (npx caches it).
set -euo pipefail
cd "$(dirname "$0")/.."
npx --yes @redocly/cli@2.77.0 lint docs/openapi.json --format=summary
