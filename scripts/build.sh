#!/usr/bin/env bash
# Builds the aml-debug jar unless it is already newer than every source file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jar=server/target/aml-debug.jar
log() { printf '[build] %s\n' "$*" >&2; }

need_tools() {
  local missing=()
  command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]}..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

need_tools
if [ -f "$jar" ] && [ -z "$(find pom.xml */pom.xml */src -newer "$jar" -type f -print -quit)" ]; then
  log "$jar is up to date."
else
  log "Building $jar (the first build downloads dependencies)..."
  mvn -q -B -DskipTests install
  log "Built $jar."
fi

# A class-data archive (AppCDS) of a real run makes every later start about 0.3 s faster.
# It needs a Docker engine to record a run; without one the launcher simply starts without it.
archive=server/target/aml-debug.jsa
if { [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ]; } && timeout 10 docker info >/dev/null 2>&1; then
  log "Recording the class-data archive $archive..."
  work=$(mktemp -d)
  printf 'print("warm-up")\n' > "$work/warmup.py"
  java -XX:ArchiveClassesAtExit="$archive" -Xlog:disable -jar "$jar" run "$work/warmup.py" -w "$work" >/dev/null 2>&1 \
    || log "The warm-up run failed; starting without the archive."
  rm -rf "$work"
fi

# The VS Code extension, with the jar inside: vscode-client/aml-debug-<version>.vsix.
vsix=$(ls vscode-client/aml-debug-*.vsix 2>/dev/null | head -1 || true)
if [ -z "$vsix" ] || [ "$jar" -nt "$vsix" ] || [ -n "$(find vscode-client/src vscode-client/package.json -newer "$vsix" -type f -print -quit)" ]; then
  log "Packaging the VS Code extension..."
  (cd vscode-client && npm ci --no-audit --no-fund --loglevel=error && npm run --silent compile && npm run --silent package) >&2
fi
log "VS Code extension: $(ls "$PWD"/vscode-client/aml-debug-*.vsix) (install it with: code --install-extension FILE)"
