#!/usr/bin/env bash
# Makes sure the shells and the terminal the command-line tests use are here: zsh (CompletionIT sources the completion
# script in it, as bash) and util-linux's `script` (a real pseudo-terminal for ColourIT and ProgressBarsIT).
# Idempotent: installs only what is missing.
set -euo pipefail
log() { printf '[setup] %s\n' "$*" >&2; }

STEP_TAG=setup
# shellcheck source=steps.sh
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"

missing=()
command -v zsh >/dev/null 2>&1 || missing+=(zsh)
command -v script >/dev/null 2>&1 || missing+=(bsdutils)
if [ ${#missing[@]} -gt 0 ]; then
  step "Updating the package lists (apt-get update)" env DEBIAN_FRONTEND=noninteractive apt-get update
  step "Installing ${missing[*]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi
log "zsh and script are here."
