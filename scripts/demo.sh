#!/usr/bin/env bash
# Sets up everything (Docker engine, base image, jar), then debugs the bundled example in Docker:
# a breakpoint in the training loop, the locals at each stop, and the run to completion.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup-engine.sh
bash scripts/build.sh
echo "[demo] aml-debug run examples/digits/job.yml --break train.py:44" >&2
exec bin/aml-debug run examples/digits/job.yml --break train.py:44 </dev/null
