#!/usr/bin/env bash
# The release build into dist/: what is deployed, and what the size report and the end-to-end
# tests measure. Extra arguments go to `trunk build` (`--dist` is not one: dist/ is assumed).
# On the pinned nightly (rust-toolchain.toml) the standard library is rebuilt for size and a
# panic aborts at once, so no panic message or its formatting reaches the bundle (−14 KB
# brotli, docs/size.md). On stable (`RUSTUP_TOOLCHAIN=stable`) it is a plain
# `trunk build --release`: the same app, larger.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

# These flags are added to .cargo/config.toml's (`--cfg erase_components`).
flags=""
if rustc --version | grep -q nightly; then
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  flags="-Zunstable-options -Cpanic=immediate-abort --cfg sha2_backend_soft=\"compact\""
  # trunk builds offline; the standard library's own dependencies come from crates.io first.
  cargo fetch --quiet
  cargo fetch --quiet --target wasm32-unknown-unknown
fi
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$flags"
trunk build --release "$@"
# Dead wasm-bindgen classes out, short import and export names, the glue minified (trunk's
# minify leaves it as it is): scripts/finish-bundle.mjs says what and why.
cargo_wasm=target/wasm32-unknown-unknown/release/cognito-client.wasm
features="$(wasm-opt --print-features "$cargo_wasm" 2>/dev/null | tr '\n' ' ')"
node scripts/finish-bundle.mjs dist "$features"

# A twin of the shipped wasm that keeps its function names, for the size report's breakdown
# (scripts/wasm-breakdown.mjs): the same cargo output through the same wasm-bindgen and the
# same wasm-opt passes (index.html's) and the same finish, plus -g. Nothing of it ships.
twin=target/size
rm -rf "$twin" && mkdir -p "$twin"
wasm-bindgen --target web --no-typescript --out-dir "$twin" "$cargo_wasm"
read -ra passes <<<"$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)"
wasm-opt -Oz "${passes[@]}" -g --strip-dwarf "$twin/cognito-client_bg.wasm" -o "$twin/opt.wasm"
node scripts/finish-bundle.mjs --twin "$twin/opt.wasm" "$twin/cognito-client.js" "$twin/named.wasm" "$features"
