#!/usr/bin/env bash
# The SRP benchmark: builds the app's SRP code as a small wasm module, and times it against
# amazon-cognito-identity-js in one headless Chromium page; then traces the release app's
# sign-in click at 4× CPU throttling against the local Cognito. Writes reports/srp-bench.md.
# A benchmark with a report, not a test: it never fails on the figures.
#   bash scripts/bench-srp.sh [ITERATIONS, default 40] [SIGN-INS, default 7]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/setup.sh
SITE=target/bench-site
say "Building the SRP module (release, wasm32)"
cargo build --quiet --release --target wasm32-unknown-unknown \
  --manifest-path benches/srp/Cargo.toml --target-dir target
rm -rf "$SITE" && mkdir -p "$SITE/pkg"
wasm-bindgen --target web --out-dir "$SITE/pkg" target/wasm32-unknown-unknown/release/srp_bench.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$SITE/pkg/srp_bench_bg.wasm" -o "$SITE/pkg/srp_bench_bg.wasm"
cp benches/srp/index.html "$SITE/"
cp node_modules/amazon-cognito-identity-js/dist/amazon-cognito-identity.min.js "$SITE/"
say "Timing both in headless Chromium"
node benches/srp/run.mjs "$SITE" "${1:-40}"

say "Building the app (release) for the traced sign-ins"
bash scripts/build-release.sh >/dev/null
source scripts/stack.sh
trap stop_stack EXIT
start_cognito "$BENCH_COGNITO_PORT" target/bench-logs >/dev/null
APP=target/bench-app
rm -rf "$APP" && cp -r dist "$APP"
node scripts/with-endpoint.mjs dist/config.json "http://127.0.0.1:$BENCH_COGNITO_PORT/" >"$APP/config.json"
refuse_if_taken "$BENCH_PORT"
node scripts/static-server.mjs --dir "$APP" --listen "127.0.0.1:$BENCH_PORT" &
STACK_PIDS+=($!)
wait_for_url "http://127.0.0.1:$BENCH_PORT/" "the static server"
say "Tracing the sign-in click in headless Chromium (4× CPU throttling)"
node benches/srp/sign-in.mjs "http://127.0.0.1:$BENCH_PORT/" "${2:-7}"
