#!/usr/bin/env bash
# Sets up everything (Docker engine, base image, jar) and runs the bundled example locally.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup-engine.sh
bash scripts/build.sh
echo "[demo] aml-debug run examples/digits/job.yml" >&2
exec bin/aml-debug run examples/digits/job.yml
