#!/usr/bin/env bash
# Installs Azurite, the Azure Storage emulator, once into /opt/aml-debug/azurite (the azure-fake module's tests
# start its blob service). Idempotent: a second call reuses the install. Azurite 3.35.0 is the newest that runs on Node 20.
set -euo pipefail

AZURITE_VERSION=3.35.0
AZURITE_HOME="${AML_DEBUG_AZURITE_HOME:-/opt/aml-debug/azurite}"
log() { printf '[setup] %s\n' "$*" >&2; }

STEP_TAG=setup
# shellcheck source=steps.sh
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"

installed() {
  [ -x "$AZURITE_HOME/node_modules/.bin/azurite-blob" ] \
    && grep -q "\"version\": \"$AZURITE_VERSION\"" "$AZURITE_HOME/node_modules/azurite/package.json" 2>/dev/null
}

install_azurite() {
  mkdir -p "$AZURITE_HOME"
  (cd "$AZURITE_HOME" && npm install --no-audit --no-fund --loglevel=error --no-save "azurite@$AZURITE_VERSION")
}

if installed; then
  log "Azurite $AZURITE_VERSION is installed."
else
  command -v npm >/dev/null 2>&1 || { log "npm is missing: install Node.js 20 (apt-get install -y nodejs npm)"; exit 1; }
  step "Installing Azurite $AZURITE_VERSION into $AZURITE_HOME" install_azurite
fi
