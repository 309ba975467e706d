#!/usr/bin/env bash
# Sets up everything the tests need (Docker engine, base image, Azurite, Podman's API, Java, Maven, code-server,
# Chromium) and runs all tests: unit tests (*Test), integration tests against the real engine (*IT), the extension's
# unit tests, and the end-to-end test in a real VS Code.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup-engine.sh
bash scripts/setup-azurite.sh
bash scripts/setup-podman.sh
command -v mvn >/dev/null 2>&1 || bash scripts/build.sh
# EngineRestartIT restarts the engine that scripts/setup-engine.sh started (the engine matrix's "after a restart").
AML_DEBUG_TEST_ENGINE_RESTART=1 mvn -B verify "$@"
# The VS Code extension: ESLint, then its unit tests (mocha): Java discovery, the server command line,
# the protocol mirror, the restart policy.
(cd vscode-client && npm ci --no-audit --no-fund --loglevel=error && npm run --silent lint && npm run --silent compile && npm test)
# End to end in a real VS Code (code-server) in headless Chromium; screenshots in target/e2e/.
bash scripts/build.sh
bash scripts/e2e-setup.sh
node vscode-client/e2e/run-e2e.js
