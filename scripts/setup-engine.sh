#!/usr/bin/env bash
# Makes sure a Docker engine answers and the local Python + debugpy base image exists.
# Idempotent: a second call reuses the running engine and the image. Each install step prints one line;
# what it prints goes to /var/log/aml-debug-setup.log, which a failed step names.
set -euo pipefail

BASE_IMAGE="${AML_DEBUG_BASE_IMAGE:-aml-debug/python:bookworm}"
log() { printf '[setup] %s\n' "$*" >&2; }

STEP_TAG=setup
# shellcheck source=steps.sh
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"

apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then
    step "Updating the package lists (apt-get update)" env DEBIAN_FRONTEND=noninteractive apt-get update
    APT_UPDATED=1
  fi
  step "Installing $*" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

# --restart: stop the engine this script started and start it again (EngineRestartIT: the engine after a restart).
stop_engine() {
  local pid
  pid=$(cat /var/run/docker.pid 2>/dev/null || true)
  [ -n "$pid" ] || { log "No engine started by this script to restart (no /var/run/docker.pid)."; exit 1; }
  log "Stopping dockerd ($pid)..."
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 1
  done
  log "dockerd did not stop within 60 s"
  exit 1
}

start_engine() {
  if engine_answers; then
    log "Docker engine answers."
    return
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    apt_install docker.io
  fi
  log "Starting dockerd..."
  setsid dockerd --host unix:///var/run/docker.sock >>/var/log/dockerd.log 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    engine_answers && { log "Docker engine is up."; return; }
    sleep 1
  done
  log "dockerd did not answer within 60 s; see /var/log/dockerd.log"
  tail -20 /var/log/dockerd.log >&2 || true
  exit 1
}

# debootstrap stops on a virtual package that gdb needs (pulled in by python3-pydevd);
# apt-get -f install inside the root file system repairs it.
bootstrap_rootfs() {
  debootstrap --variant=minbase --include=python3,python3-debugpy bookworm "$1" \
    || echo "debootstrap reported errors; apt-get -f install repairs them next"
}

in_rootfs() { chroot "$ROOTFS" env DEBIAN_FRONTEND=noninteractive "$@"; }

import_rootfs() {
  tar -C "$ROOTFS" -c . | docker import --change 'ENV PYTHONUNBUFFERED=1' --change 'CMD ["python3"]' - "$BASE_IMAGE"
}

remove_rootfs() {
  umount "$ROOTFS/proc" 2>/dev/null || true
  rm -rf --one-file-system "$ROOTFS"
}

build_base_image() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    log "Base image $BASE_IMAGE exists."
    return
  fi
  command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
  ROOTFS=$(mktemp -d /var/tmp/aml-debug-rootfs.XXXXXX)
  trap remove_rootfs EXIT
  log "Building $BASE_IMAGE (about 2 minutes):"
  step "Bootstrapping Debian bookworm with Python and debugpy" bootstrap_rootfs "$ROOTFS"
  mount --bind /proc "$ROOTFS/proc"
  cp /etc/resolv.conf "$ROOTFS/etc/"
  step "Repairing its packages (apt-get -f install)" in_rootfs apt-get -f install -y
  step "Adding scikit-learn, pandas and Flask" in_rootfs apt-get install -y --no-install-recommends \
    python-is-python3 python3-sklearn python3-pandas python3-flask
  step "Checking that debugpy and sklearn import" in_rootfs sh -c 'apt-get clean && python3 -c "import debugpy, sklearn"'
  umount "$ROOTFS/proc"
  step "Importing it as $BASE_IMAGE" import_rootfs
  remove_rootfs
  trap - EXIT
  log "Built $BASE_IMAGE."
}

# The debug shim's tests also run it under the newest Python on this machine, with Debian's debugpy.
host_debugpy() {
  dpkg -s python3-debugpy >/dev/null 2>&1 || apt_install python3-debugpy
}

# examples/pipeline names Azure ML's curated image, so that the same YAML runs on Azure ML. A machine that reaches
# mcr.microsoft.com pulls it when a run needs it. Where no registry is reachable, the base image stands in for it
# through an explicit, documented substitute (never a tag with the registry's name), which every run's control log
# reports. Machines set up before this held such a tag: it goes.
CURATED_IMAGE="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest"
SUBSTITUTES="${XDG_CONFIG_HOME:-$HOME/.config}/aml-debug/image-substitutes"
substitute_curated_image() {
  if [ "$(docker image inspect -f '{{.Id}}' "$CURATED_IMAGE" 2>/dev/null)" = "$(docker image inspect -f '{{.Id}}' "$BASE_IMAGE")" ]; then
    docker rmi "$CURATED_IMAGE" >/dev/null
    log "Removed the old stand-in tag $CURATED_IMAGE (it was $BASE_IMAGE)."
  fi
  if grep -qs "^$CURATED_IMAGE" "$SUBSTITUTES"; then
    return
  fi
  if timeout 60 docker pull -q "$CURATED_IMAGE" >/dev/null 2>&1; then
    log "Pulled $CURATED_IMAGE."
    return
  fi
  mkdir -p "$(dirname "$SUBSTITUTES")"
  printf '# Written by aml-debug scripts/setup-engine.sh: no registry was reachable. Runs that name the image on the\n# left use the one on the right only while the left one cannot be pulled; their control logs say so.\n%s = %s\n' \
    "$CURATED_IMAGE" "$BASE_IMAGE" >> "$SUBSTITUTES"
  log "No registry reachable: $BASE_IMAGE substitutes for $CURATED_IMAGE (in $SUBSTITUTES)."
}

if [ "${1:-}" = "--restart" ]; then
  stop_engine
  start_engine
  exit 0
fi
start_engine
build_base_image
substitute_curated_image
host_debugpy
