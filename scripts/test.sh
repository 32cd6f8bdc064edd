#!/usr/bin/env bash
# The test command: installs what is missing, then runs every check and test layer —
# formatting, clippy (host and wasm32), host unit tests, wasm-bindgen-test in headless
# Chromium, the release build with its size budget, and Playwright end to end against the
# release build and a fresh local Cognito. Ends with the line "N passed, N failed".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LOGS="$ROOT/target/test-logs"
REPORTS="$ROOT/reports"
mkdir -p "$LOGS" "$REPORTS"

PASSED=0
FAILED=0
finish() {
  echo
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
  exit $?
}

if ! (source scripts/setup.sh); then
  echo "error: installing the tools failed (see above)"
  FAILED=$((FAILED + 1))
  finish
fi
source scripts/setup.sh >/dev/null
set +e # setup.sh stops at the first error; here every layer runs and is counted
source scripts/stack.sh
trap 'stop_stack' EXIT

# check NAME COMMAND...: one pass or one fail; the log is shown on failure.
check() {
  local name=$1 log="$LOGS/$1.log"
  shift
  say "$name"
  if "$@" >"$log" 2>&1; then
    PASSED=$((PASSED + 1))
    echo "ok: $name"
  else
    FAILED=$((FAILED + 1))
    tail -n 60 "$log"
    echo "FAILED: $name (full log: $log)"
  fi
}

# tests NAME COMMAND...: a cargo test run, counted test by test from its "test result:" lines.
tests() {
  local name=$1 log="$LOGS/$1.log" passed failed status
  shift
  say "$name"
  "$@" >"$log" 2>&1
  status=$?
  passed=$(grep -oE 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | awk '{s += $4} END {print s + 0}')
  failed=$(grep -oE '[0-9]+ failed;' "$log" | awk '{s += $1} END {print s + 0}')
  grep -E '^test .* (ok|FAILED)$|test result:' "$log" | tail -n 80
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # it did not even run (a build error): count that as a failure
    tail -n 60 "$log"
  fi
  PASSED=$((PASSED + passed))
  FAILED=$((FAILED + failed))
  echo "$name: $passed passed, $failed failed"
}

check fmt cargo fmt --all --check
check clippy-host cargo clippy --all-targets -- -D warnings
check clippy-wasm32 cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
tests host-unit-tests cargo test

# A fresh local Cognito for the browser layers, on ports apart from the run command's.
say "Starting a fresh local Cognito for the browser tests"
if ! start_cognito 4576 4577 "$LOGS/stack"; then
  FAILED=$((FAILED + 1))
  finish
fi
node -e "require('net').createServer(() => {}).listen(4578, '127.0.0.1')" &
STACK_PIDS+=($!) # a port that accepts and never answers, for the timeout test

export CHROMEDRIVER=/usr/bin/chromedriver
export COGNITO_TEST_ENDPOINT=http://127.0.0.1:4577/
export COGNITO_TEST_BLACKHOLE=http://127.0.0.1:4578/
tests wasm-bindgen-tests cargo test --target wasm32-unknown-unknown

check release-build trunk build --release
check bundle-size node scripts/size-report.mjs dist "$REPORTS/bundle-size.md"
cat "$REPORTS/bundle-size.md"

# End to end: the release build, served as a static host would, with a config.json that
# points it at the fresh local Cognito through the CORS front.
rm -rf target/e2e-site && cp -r dist target/e2e-site
sed -e 's#"endpoint": *"[^"]*"#"endpoint": "http://127.0.0.1:4577/"#' config.json >target/e2e-site/config.json
node scripts/static-server.mjs --dir target/e2e-site --listen 127.0.0.1:8090 >"$LOGS/static.log" 2>&1 &
STACK_PIDS+=($!)
wait_for_url http://127.0.0.1:8090/ "the static server"
say "Playwright end-to-end tests (Chromium, release build)"
export APP_URL=http://127.0.0.1:8090/ FAKECLOUD_URL=http://127.0.0.1:4576 COGNITO_FRONT_URL=http://127.0.0.1:4577/
export FAULT_MATRIX_REPORT="$REPORTS/fault-matrix.md"
PLAYWRIGHT_JSON_OUTPUT_NAME="$LOGS/playwright.json" \
  npx playwright test --config tests/e2e/playwright.config.js --reporter=list,json
read -r e2e_passed e2e_failed < <(node -e '
  try {
    const s = require(process.argv[1]).stats;
    console.log(s.expected + s.flaky, s.unexpected + (s.expected + s.unexpected + s.flaky ? 0 : 1));
  } catch { console.log(0, 1); }' "$LOGS/playwright.json")
PASSED=$((PASSED + e2e_passed))
FAILED=$((FAILED + e2e_failed))
echo "end-to-end: $e2e_passed passed, $e2e_failed failed"
[ -f "$FAULT_MATRIX_REPORT" ] && echo "Fault matrix: $FAULT_MATRIX_REPORT"
echo "Bundle size: $REPORTS/bundle-size.md"
finish
