#!/usr/bin/env bash
# Builds the two PyTorch images the tests of tensors, ranks and the pause governor use, once, outside any test (a
# test removes the images it builds; these stay):
# - aml-debug/torch:bookworm: examples/distributed/docker (Debian bookworm's python3-torch 1.13, debugpy 1.6);
# - aml-debug/torch:trixie: a current PyTorch (Debian trixie's python3-torch 2.6, debugpy 1.8, Python 3.13), so the
#   pause governor's tests run both of its mechanisms (docs/protocol.md, "The pause governor").
# No registry is needed: docker build on the base image, and debootstrap from Debian's archive then docker import.
# Idempotent: an existing image is kept. About 2 + 4 minutes the first time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
log() { echo "[setup] $*"; }

BOOKWORM=aml-debug/torch:bookworm
if docker image inspect "$BOOKWORM" >/dev/null 2>&1; then
  log "Image $BOOKWORM exists."
else
  log "Building $BOOKWORM from examples/distributed/docker (about 2 minutes)"
  docker build -q -t "$BOOKWORM" examples/distributed/docker >/dev/null
  log "Built $BOOKWORM."
fi

IMAGE=aml-debug/torch:trixie
if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  log "Image $IMAGE exists."
  exit 0
fi
command -v debootstrap >/dev/null 2>&1 || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
ROOTFS=$(mktemp -d /var/tmp/aml-debug-torch.XXXXXX)
cleanup() { umount "$ROOTFS/proc" 2>/dev/null || true; rm -rf --one-file-system "$ROOTFS"; }
trap cleanup EXIT
log "Building $IMAGE (about 4 minutes): Debian trixie with python3-torch and python3-debugpy"
# debootstrap may stop on a virtual package that gdb needs (pulled in by python3-pydevd); apt-get -f install repairs it.
debootstrap --variant=minbase --include=python3,python3-debugpy trixie "$ROOTFS" >/dev/null \
  || log "debootstrap reported errors; apt-get -f install repairs them next"
mount --bind /proc "$ROOTFS/proc"
cp /etc/resolv.conf "$ROOTFS/etc/"
in_rootfs() { chroot "$ROOTFS" env DEBIAN_FRONTEND=noninteractive "$@"; }
in_rootfs apt-get -f install -y -qq >/dev/null
in_rootfs apt-get install -y -qq --no-install-recommends python-is-python3 python3-torch >/dev/null
in_rootfs sh -c 'apt-get clean && rm -rf /var/lib/apt/lists/* && python3 -c "import torch, debugpy; print(\"torch\", torch.__version__, \"debugpy\", debugpy.__version__)"'
umount "$ROOTFS/proc"
tar -C "$ROOTFS" -c . | docker import --change 'ENV PYTHONUNBUFFERED=1' --change 'CMD ["python3"]' - "$IMAGE" >/dev/null
log "Built $IMAGE."
