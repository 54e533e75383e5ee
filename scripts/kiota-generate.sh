#!/usr/bin/env bash
# Generates the Kiota 1.38 C# client of the integrator operations (/api/integrations/**) from docs/openapi.json into
# tests/Api.Tests/Kiota, which KiotaClientTests compiles and calls: the proof that a generated client reads like a
# hand-written one and works. Run after a change of docs/openapi.json that touches those operations.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="${TMPDIR:-/tmp}/cctv-kiota-1.38.0"
[ -x "$tools/kiota" ] || dotnet tool install --tool-path "$tools" Microsoft.OpenApi.Kiota --version 1.38.0 >/dev/null
rm -rf tests/Api.Tests/Kiota/Api tests/Api.Tests/Kiota/Models
KIOTA_TUTORIAL_ENABLED=false "$tools/kiota" generate -l CSharp -d docs/openapi.json -o tests/Api.Tests/Kiota -c IntegrationsClient \
  -n CctvRequests.Api.Tests.Kiota --include-path "/api/integrations/**" --exclude-backward-compatible --clean-output false --log-level Warning
rm -f tests/Api.Tests/Kiota/.kiota.log
