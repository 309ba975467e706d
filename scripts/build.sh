#!/usr/bin/env bash
# Builds the aml-debug jar unless it is already newer than every source file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jar=server/target/aml-debug.jar
log() { printf '[build] %s\n' "$*" >&2; }

STEP_TAG=build
# shellcheck source=steps.sh
source scripts/steps.sh

need_tools() {
  local missing=()
  # The JDK's jlink links the Java runtime that the platform .vsix ships.
  command -v jlink >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  if [ ${#missing[@]} -gt 0 ]; then
    step "Updating the package lists (apt-get update)" env DEBIAN_FRONTEND=noninteractive apt-get update
    step "Installing ${missing[*]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  fi
}

in_client() { cd vscode-client && "$@"; }

need_tools
# The Maven modules' sources (vscode-client/src is the extension's, packaged below).
if [ -f "$jar" ] && [ -z "$(find pom.xml */pom.xml $(ls -d */src | grep -v '^vscode-client/') -newer "$jar" -type f -print -quit)" ]; then
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
  # The class path is recorded as given: it must be the absolute one bin/aml-debug starts the jar with.
  java -XX:ArchiveClassesAtExit="$PWD/$archive" -Xlog:disable -jar "$PWD/$jar" run "$work/warmup.py" --folder "$work" >/dev/null 2>&1 \
    || log "The warm-up run failed; starting without the archive."
  rm -rf "$work"
fi

# The VS Code extension, with the jar inside: vscode-client/aml-debug-<version>.vsix (universal: it finds the machine's
# Java) and, for this machine's platform, vscode-client/aml-debug-<platform>-<version>.vsix, which also ships a jlink'ed
# Java runtime (cached in vscode-client/target/; linked again only when the jar's modules or the JDK change).
version=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' vscode-client/package.json)
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) target=linux-x64 ;;
  Linux-aarch64) target=linux-arm64 ;;
  *) target= ;;
esac
vsixes=("vscode-client/aml-debug-$version.vsix")
[ -z "$target" ] || vsixes+=("vscode-client/aml-debug-$target-$version.vsix")
stale() {
  local vsix
  for vsix in "${vsixes[@]}"; do
    if [ ! -f "$vsix" ] || [ "$jar" -nt "$vsix" ] || [ -n "$(find vscode-client/src vscode-client/scripts vscode-client/media \
        vscode-client/package.json vscode-client/package-lock.json vscode-client/.vscodeignore vscode-client/README.md \
        vscode-client/CHANGELOG.md -newer "$vsix" -type f -print -quit)" ]; then
      return 0
    fi
  done
  return 1
}
if stale; then
  step "Installing the extension's npm packages (npm ci)" in_client npm ci --no-audit --no-fund
  step "Compiling the extension (tsc)" in_client npm run compile
  step "Bundling (esbuild) and packaging the extension with the jar${target:+, and for $target with a Java runtime} (vsce, jlink)" \
    in_client npm run package -- ${target:+--target "$target"}
fi
for vsix in "${vsixes[@]}"; do
  log "VS Code extension: $PWD/$vsix ($(du -h "$vsix" | cut -f1); install it with: code --install-extension FILE)"
done
