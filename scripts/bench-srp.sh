#!/usr/bin/env bash
# The SRP benchmark: builds the app's SRP code as a small wasm module, and times it against
# amazon-cognito-identity-js in one headless Chromium page. Writes reports/srp-bench.md.
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
