#!/usr/bin/env bash
# Sets up everything the tests need (Docker engine, base image, Java, Maven) and runs all tests:
# unit tests (*Test) and integration tests against the real engine (*IT).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup-engine.sh
command -v mvn >/dev/null 2>&1 || bash scripts/build.sh
mvn -B verify "$@"
# The VS Code extension's unit tests (mocha): Java discovery, the server command line, the protocol mirror.
(cd vscode-client && npm ci --no-audit --no-fund --loglevel=error && npm run --silent compile && npm test)
