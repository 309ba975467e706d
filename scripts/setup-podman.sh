#!/usr/bin/env bash
# Makes sure Podman's Docker-compatible API answers on /run/podman/podman.sock, for PodmanIT (the engine matrix).
# Idempotent: a second call reuses the running service. Podman 4.3 (Debian bookworm) starts no container on this
# machine kind (runc cannot set rlimits here), so the tests check the API up to container start.
set -euo pipefail
SOCKET=/run/podman/podman.sock
log() { printf '[setup] %s\n' "$*" >&2; }

STEP_TAG=setup
# shellcheck source=steps.sh
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"

answers() { curl -fsS --max-time 5 --unix-socket "$SOCKET" http://podman/version >/dev/null 2>&1; }

if answers; then
  log "Podman's API answers on $SOCKET."
  exit 0
fi
if ! command -v podman >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
  step "Updating the package lists (apt-get update)" env DEBIAN_FRONTEND=noninteractive apt-get update
  step "Installing podman" env DEBIAN_FRONTEND=noninteractive apt-get install -y podman curl
fi
mkdir -p "$(dirname "$SOCKET")"
setsid podman system service --time=0 "unix://$SOCKET" >/var/log/podman-service.log 2>&1 < /dev/null &
for _ in $(seq 1 30); do
  answers && { log "Podman's API answers on $SOCKET."; exit 0; }
  sleep 1
done
log "podman system service did not answer within 30 s; see /var/log/podman-service.log"
exit 1
