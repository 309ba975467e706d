#!/usr/bin/env bash
# Makes sure a Docker engine answers and the local Python + debugpy base image exists.
# Idempotent: a second call reuses the running engine and the image.
set -euo pipefail

BASE_IMAGE="${AML_DEBUG_BASE_IMAGE:-aml-debug/python:bookworm}"
log() { printf '[setup] %s\n' "$*" >&2; }

apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

start_engine() {
  if engine_answers; then
    log "Docker engine answers."
    return
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    log "Installing Docker engine (docker.io)..."
    apt_install docker.io
  fi
  log "Starting dockerd..."
  dockerd --host unix:///var/run/docker.sock >/var/log/dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    engine_answers && { log "Docker engine is up."; return; }
    sleep 1
  done
  log "dockerd did not answer within 60 s; see /var/log/dockerd.log"
  tail -20 /var/log/dockerd.log >&2 || true
  exit 1
}

build_base_image() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    log "Base image $BASE_IMAGE exists."
    return
  fi
  command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
  local rootfs
  rootfs=$(mktemp -d /var/tmp/aml-debug-rootfs.XXXXXX)
  trap 'umount "$rootfs/proc" 2>/dev/null || true; rm -rf "$rootfs"' RETURN
  log "Building $BASE_IMAGE with debootstrap (about 2 minutes)..."
  # debootstrap stops on a virtual package that gdb needs (pulled in by python3-pydevd);
  # apt-get -f install inside the root file system repairs it.
  debootstrap --variant=minbase --include=python3,python3-debugpy bookworm "$rootfs" \
    >/var/log/aml-debug-debootstrap.log 2>&1 || log "debootstrap reported errors; repairing with apt-get -f install"
  mount --bind /proc "$rootfs/proc"
  cp /etc/resolv.conf "$rootfs/etc/"
  chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive apt-get -f install -y -qq >/dev/null
  chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    python-is-python3 python3-sklearn python3-pandas python3-flask >/dev/null
  chroot "$rootfs" apt-get clean
  umount "$rootfs/proc"
  chroot "$rootfs" python3 -c 'import debugpy, sklearn' 
  tar -C "$rootfs" -c . | docker import \
    --change 'ENV PYTHONUNBUFFERED=1' --change 'CMD ["python3"]' - "$BASE_IMAGE" >/dev/null
  log "Built $BASE_IMAGE."
}

# The debug shim's tests also run it under the newest Python on this machine, with Debian's debugpy.
host_debugpy() {
  dpkg -s python3-debugpy >/dev/null 2>&1 || { log "Installing python3-debugpy on the host..."; apt_install python3-debugpy; }
}

start_engine
build_base_image
host_debugpy
