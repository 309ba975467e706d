# Sourced by the set-up scripts: one progress line per step, the full output in a log that a failed step names.
# The sourcing script sets STEP_TAG (the [tag] of its lines) and defines log().
# Each install step prints one line; what its commands print goes to SETUP_LOG, which a failed step names.
SETUP_LOG="${AML_DEBUG_SETUP_LOG:-/var/log/aml-debug-setup.log}"
touch "$SETUP_LOG" 2>/dev/null || { SETUP_LOG="$HOME/.cache/aml-debug/setup.log"; mkdir -p "${SETUP_LOG%/*}"; }

# step WHAT COMMAND...: runs COMMAND (set -e applies inside a function) with its output in SETUP_LOG.
step() {
  local what=$1 start=$SECONDS status from; shift
  printf '[%s] %s... ' "$STEP_TAG" "$what" >&2
  from=$(($(wc -l <"$SETUP_LOG") + 1))
  printf '\n=== %s %s\n+ %s\n' "$(date '+%F %T')" "$what" "$*" >>"$SETUP_LOG"
  set +e
  (set -e; "$@") >>"$SETUP_LOG" 2>&1 </dev/null
  status=$?
  set -e
  if [ "$status" -ne 0 ]; then
    printf 'failed (exit %d). Its last lines:\n' "$status" >&2
    tail -n "+$from" "$SETUP_LOG" | tail -n 15 | sed 's/^/    /' >&2
    log "The whole output is in $SETUP_LOG"
    exit "$status"
  fi
  printf 'done (%d s).\n' $((SECONDS - start)) >&2
}
