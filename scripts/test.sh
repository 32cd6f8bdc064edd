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

# setup.sh stops at its first error (set -e), so it runs in a subshell; then only its PATH is
# taken here, and every layer below runs and is counted.
if ! (source scripts/setup.sh); then
  echo "error: installing the tools failed (see above)"
  FAILED=$((FAILED + 1))
  finish
fi
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
source scripts/ports.sh
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
# The local Cognito builds on stable (tools/local-cognito/rust-toolchain.toml): run from its folder.
in_local_cognito() { (cd tools/local-cognito && "$@"); }
check fmt-local-cognito in_local_cognito cargo fmt --check
check clippy-host cargo clippy --all-targets -- -D warnings
check clippy-wasm32 cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
check rustdoc env RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --target wasm32-unknown-unknown
tests host-unit-tests cargo test
# The local Cognito's own tests, in the target dir setup.sh built it in (little to compile).
tests local-cognito-tests in_local_cognito env CARGO_TARGET_DIR="$LOCAL_COGNITO_TARGET" \
  cargo test --release --locked

# A fresh local Cognito for the browser layers, on ports apart from the run command's.
COGNITO_URL="http://127.0.0.1:$TEST_COGNITO_PORT/"
say "Starting a fresh local Cognito for the browser tests"
if ! start_cognito "$TEST_COGNITO_PORT" "$LOGS/stack"; then
  FAILED=$((FAILED + 1))
  finish
fi
node -e "require('net').createServer(() => {}).listen($TEST_BLACKHOLE_PORT, '127.0.0.1')" &
STACK_PIDS+=($!) # a port that accepts and never answers, for the timeout test

export CHROMEDRIVER=/usr/bin/chromedriver
export COGNITO_TEST_ENDPOINT="$COGNITO_URL"
export COGNITO_TEST_BLACKHOLE="http://127.0.0.1:$TEST_BLACKHOLE_PORT/"
# The library's tests, tests/web.rs and the example apps' checks (examples/*/check.rs).
tests wasm-bindgen-tests cargo test --target wasm32-unknown-unknown

# A failed build leaves no dist/ behind, so nothing below runs on an old one.
rm -rf dist
check release-build bash scripts/build-release.sh
if [ ! -f dist/index.html ]; then
  echo "The release build failed: no size report and no end-to-end tests."
  FAILED=$((FAILED + 1))
  finish
fi
# The deploy scripts' own tests (node:test), counted one by one.
say "script-tests"
node --test tests/scripts/ >"$LOGS/script-tests.log" 2>&1
script_passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$LOGS/script-tests.log")
script_failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$LOGS/script-tests.log")
[ -n "$script_passed" ] || { script_passed=0; script_failed=1; tail -n 40 "$LOGS/script-tests.log"; }
[ "${script_failed:-0}" -eq 0 ] || tail -n 60 "$LOGS/script-tests.log"
PASSED=$((PASSED + script_passed))
FAILED=$((FAILED + script_failed))
echo "script-tests: $script_passed passed, $script_failed failed"

check bundle-size node scripts/size-report.mjs dist "$REPORTS/bundle-size.md" target/size/named.wasm
cat "$REPORTS/bundle-size.md"

# End to end: the release build with a config.json that points it at the fresh local Cognito,
# deployed as the README says: nginx with deploy/nginx.conf and the security headers written
# from that config.json.
rm -rf target/e2e-site target/created-pool.json && cp -r dist target/e2e-site
if ! node scripts/with-endpoint.mjs config.json "$COGNITO_URL" >target/e2e-site/config.json ||
  ! start_nginx target/e2e-site "$TEST_APP_PORT" "$LOGS"; then
  FAILED=$((FAILED + 1))
  finish
fi
# A plain `trunk build --release` of the same source (no build-std, no finish-bundle.mjs), in a
# target folder of its own, served the same way: tests/e2e/plain-build.spec.js signs in on it.
rm -rf target/plain-dist target/plain-site
check plain-trunk-build env CARGO_TARGET_DIR=target/plain trunk build --release --dist target/plain-dist
if [ ! -f target/plain-dist/index.html ] || ! cp -r target/plain-dist target/plain-site ||
  ! cp target/e2e-site/config.json target/plain-site/config.json ||
  ! start_nginx target/plain-site "$TEST_PLAIN_APP_PORT" "$LOGS/plain"; then
  FAILED=$((FAILED + 1))
  finish
fi
# scripts/create-pool.sh makes a pool in the local Cognito as it would on AWS (awscli, pinned,
# installed on first use); tests/e2e/pool-script.spec.js checks it and signs in to it.
check create-pool env AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_EC2_METADATA_DISABLED=true \
  bash scripts/create-pool.sh --region us-east-1 --endpoint-url "$COGNITO_URL" --mfa optional \
  --name created-by-test --out "$ROOT/target/created-pool.json"
export CREATED_POOL_CONFIG="$ROOT/target/created-pool.json"
say "Playwright end-to-end tests (Chromium, release build)"
export APP_URL="http://127.0.0.1:$TEST_APP_PORT/" COGNITO_URL
export PLAIN_APP_URL="http://127.0.0.1:$TEST_PLAIN_APP_PORT/"
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
