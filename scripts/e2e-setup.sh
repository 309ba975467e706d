#!/usr/bin/env bash
# Installs what the end-to-end test needs: code-server 4.100.3 (VS Code 1.100) from npm,
# Debian's Chromium, and playwright-core. Idempotent; the tools live in $E2E_TOOLS. One line per step; what the
# steps print goes to /var/log/aml-debug-setup.log, which a failed step names.
set -euo pipefail
E2E_TOOLS="${E2E_TOOLS:-$HOME/.cache/aml-debug-e2e}"
log() { printf '[e2e-setup] %s\n' "$*" >&2; }

STEP_TAG=e2e-setup
# shellcheck source=steps.sh
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"

if ! command -v chromium >/dev/null 2>&1 || ! command -v rg >/dev/null 2>&1; then
  step "Updating the package lists (apt-get update)" env DEBIAN_FRONTEND=noninteractive apt-get update
  step "Installing Chromium and the build tools code-server's native modules need" \
    env DEBIAN_FRONTEND=noninteractive apt-get install -y build-essential pkg-config libkrb5-dev libsecret-1-dev \
    libx11-dev libxkbfile-dev ripgrep chromium
fi
mkdir -p "$E2E_TOOLS"
cd "$E2E_TOOLS"
if [ -f .ready ]; then
  log "code-server and playwright-core are installed in $E2E_TOOLS."
  exit 0
fi
log "Installing code-server 4.100.3 and playwright-core in $E2E_TOOLS (about 3 minutes):"
[ -f package.json ] || echo '{"name":"aml-debug-e2e-tools","private":true}' > package.json
vscode=node_modules/code-server/lib/vscode
in_dir() { cd "$1" && shift && "$@"; }
# @vscode/ripgrep would download its binary; give it Debian's, then build the native modules.
rebuild_vscode() {
  mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
  cp /usr/bin/rg "$vscode/node_modules/@vscode/ripgrep/bin/rg"
  in_dir "$vscode" env npm_config_yes=true npm rebuild --unsafe-perm
}
step "npm install code-server@4.100.3 playwright-core@1.52.0" \
  npm install --no-audit --no-fund --unsafe-perm --ignore-scripts code-server@4.100.3 playwright-core@1.52.0
step "Installing VS Code's npm packages" in_dir "$vscode" npm install --no-audit --no-fund --unsafe-perm --omit=dev --ignore-scripts
step "Building its native modules (npm rebuild)" rebuild_vscode
(cd "$vscode" && ln -sfn node_modules node_modules.asar)
(cd "$vscode/bin/remote-cli" && ln -sfn code-linux.sh code-server)
(cd "$vscode/bin/helpers" && ln -sfn browser-linux.sh browser.sh)
step "Installing the built-in extensions' npm packages" \
  in_dir "$vscode/extensions" npm install --no-audit --no-fund --unsafe-perm --omit=dev
step "Building argon2" env npm_config_yes=true npm rebuild argon2 --build-from-source
touch .ready
log "Ready: $E2E_TOOLS"
