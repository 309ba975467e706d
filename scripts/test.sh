#!/usr/bin/env bash
# Sets up everything the tests need (Docker engine, base image, Azurite, Podman's API, Java, Maven, code-server,
# Chromium) and runs all tests: unit tests (*Test), integration tests against the real engine (*IT), the extension's
# unit tests, and the end-to-end test in a real VS Code.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Each phase's time, printed at the end (also when a phase fails), with each module's unit and integration tests.
PHASES=()
phase() {
  local name=$1 start=$SECONDS
  shift
  "$@"
  PHASES+=("$(printf '%-28s %6d s' "$name" $((SECONDS - start)))")
}
print_phases() {
  echo "== phase times =="
  for line in "${PHASES[@]}"; do echo "  $line"; done
  python3 scripts/phase-times.py . 2>/dev/null || true
}
trap print_phases EXIT

phase "set up: Docker engine" bash scripts/setup-engine.sh
phase "set up: Azurite" bash scripts/setup-azurite.sh
phase "set up: Podman API" bash scripts/setup-podman.sh
phase "set up: zsh, script" bash scripts/setup-shells.sh
phase "set up: PyTorch images" bash scripts/setup-torch-image.sh
command -v mvn >/dev/null 2>&1 || phase "set up: Java and Maven" bash scripts/build.sh
# EngineRestartIT restarts the engine that scripts/setup-engine.sh started (the engine matrix's "after a restart").
phase "maven verify (all modules)" env AML_DEBUG_TEST_ENGINE_RESTART=1 mvn -B verify "$@"
# The VS Code extension: ESLint, then its unit tests (mocha): Java discovery, the server command line,
# the protocol mirror, the restart policy.
phase "extension: lint and tests" bash -c 'cd vscode-client && npm ci --no-audit --no-fund --loglevel=error && npm run --silent lint && npm run --silent compile && npm test'
# End to end in a real VS Code (code-server) in headless Chromium, with the linux-x64 .vsix that build.sh makes and no
# other Java within its reach, so on the runtime that .vsix ships; screenshots in target/e2e/.
phase "build: jar and extension" bash scripts/build.sh
phase "set up: code-server" bash scripts/e2e-setup.sh
phase "end to end (code-server)" node vscode-client/e2e/run-e2e.js
