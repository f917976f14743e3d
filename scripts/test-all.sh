#!/usr/bin/env bash
# `npm test`: every check, in order, stopping at the first failure with its exit code.
#   host         bash scripts/install-code-server.sh (idempotent; a no-op when installed)
#   build        node esbuild.mjs
#   typecheck    npm run typecheck
#   lint         npm run lint
#   unit         npm run test:unit                     (mocha, plain Node)
#   integration  run-host-tests.mjs integration         (mocha inside a real VS Code extension host)
#   ui           run-host-tests.mjs ui                  (the chat webview in chromium)
# Prints each step's time, then "N passed, N failed" (mocha's passing/failing summed over the
# three suites) and the total time.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
  export FORCE_COLOR=1 MOCHA_COLORS=1
fi

LOGS="$(mktemp -d "${TMPDIR:-/tmp}/mge-test-all-XXXXXX")"
trap 'rm -rf "$LOGS"' EXIT

passed=0
failed=0
total_start=$(date +%s%N)
timings=()

ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }
fmt_ms() { awk -v ms="$1" 'BEGIN { printf "%.1f s", ms / 1000 }'; }

# Adds mocha's "N passing" / "N failing" summary lines of a step's log to the totals.
count() {
  local clean p f
  clean="$(sed -E 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1")"
  p="$(grep -E '^[[:space:]]*[0-9]+ passing' <<<"$clean" | awk '{ s += $1 } END { print s + 0 }')"
  f="$(grep -E '^[[:space:]]*[0-9]+ failing' <<<"$clean" | awk '{ s += $1 } END { print s + 0 }')"
  passed=$((passed + p))
  failed=$((failed + f))
}

summary() {
  echo
  echo "== summary"
  for t in "${timings[@]}"; do echo "   $t"; done
  echo "$passed passed, $failed failed"
  echo "total $(fmt_ms "$(ms_since "$total_start")")"
}

# step NAME COUNT(yes|no) COMMAND...
step() {
  local name="$1" counts="$2"
  shift 2
  echo
  echo "== $name: $*"
  local start log code
  start=$(date +%s%N)
  log="$LOGS/$name.log"
  "$@" 2>&1 | tee "$log"
  code=${PIPESTATUS[0]}
  local took
  took="$(fmt_ms "$(ms_since "$start")")"
  [[ "$counts" == yes ]] && count "$log"
  if [[ $code -ne 0 ]]; then
    timings+=("$name: FAILED (exit $code) after $took")
    echo "== $name: FAILED (exit $code) after $took"
    summary
    exit "$code"
  fi
  timings+=("$name: $took")
  echo "== $name: ok in $took"
}

step host no bash scripts/install-code-server.sh
step build no node esbuild.mjs
step typecheck no npm run --silent typecheck
step lint no npm run --silent lint
step unit yes npm run --silent test:unit
step integration yes node scripts/run-host-tests.mjs integration --no-build
step ui yes node scripts/run-host-tests.mjs ui --no-build
summary
