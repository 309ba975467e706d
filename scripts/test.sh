#!/usr/bin/env bash
# Sets up everything the tests need (Docker engine, base image, Java, Maven) and runs all tests:
# unit tests (*Test) and integration tests against the real engine (*IT).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup-engine.sh
command -v mvn >/dev/null 2>&1 || bash scripts/build.sh
mvn -B verify "$@"
