#!/usr/bin/env bash
# Installs what the end-to-end test needs: code-server 4.100.3 (VS Code 1.100) from npm,
# Debian's Chromium, and playwright-core. Idempotent; the tools live in $E2E_TOOLS.
set -euo pipefail
E2E_TOOLS="${E2E_TOOLS:-$HOME/.cache/aml-debug-e2e}"
log() { printf '[e2e-setup] %s\n' "$*" >&2; }

if ! command -v chromium >/dev/null 2>&1 || ! command -v rg >/dev/null 2>&1; then
  log "Installing Chromium and the build tools code-server's native modules need..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq build-essential pkg-config libkrb5-dev libsecret-1-dev \
    libx11-dev libxkbfile-dev ripgrep chromium >/dev/null
fi
mkdir -p "$E2E_TOOLS"
cd "$E2E_TOOLS"
if [ -f .ready ]; then
  log "code-server and playwright-core are installed in $E2E_TOOLS."
  exit 0
fi
log "Installing code-server 4.100.3 and playwright-core (about 3 minutes)..."
[ -f package.json ] || echo '{"name":"aml-debug-e2e-tools","private":true}' > package.json
npm install --no-audit --no-fund --loglevel=error --unsafe-perm --ignore-scripts code-server@4.100.3 playwright-core@1.52.0
vscode=node_modules/code-server/lib/vscode
(cd "$vscode" && npm install --no-audit --no-fund --loglevel=error --unsafe-perm --omit=dev --ignore-scripts)
# @vscode/ripgrep would download its binary; give it Debian's.
mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
cp /usr/bin/rg "$vscode/node_modules/@vscode/ripgrep/bin/rg"
(cd "$vscode" && npm_config_yes=true npm rebuild --unsafe-perm --loglevel=error)
(cd "$vscode" && ln -sfn node_modules node_modules.asar)
(cd "$vscode/bin/remote-cli" && ln -sfn code-linux.sh code-server)
(cd "$vscode/bin/helpers" && ln -sfn browser-linux.sh browser.sh)
(cd "$vscode/extensions" && npm install --no-audit --no-fund --loglevel=error --unsafe-perm --omit=dev)
npm_config_yes=true npm rebuild argon2 --build-from-source --loglevel=error
touch .ready
log "Ready: $E2E_TOOLS"
