#!/usr/bin/env bash
# Installs whatever this project needs and is missing, from the package registries only
# (Debian, crates.io, npm). Safe to re-run: each step checks first and is a no-op when done.
# Sourced by scripts/run.sh (`source scripts/setup.sh run`: no browser needed) and
# scripts/test.sh (everything); it also puts the tools on PATH.
# Prints how long each first-time step really took.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SETUP_FOR="${1:-test}"
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3}' "$ROOT/Cargo.lock")"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
source "$ROOT/scripts/ports.sh"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

took() { # what, start (from $SECONDS)
  say "$1 took $(( (SECONDS - $2) / 60 )) min $(( (SECONDS - $2) % 60 )) s"
}

have_version() { # command, expected version: true when `command --version` mentions it
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"
}

install_debian_packages() {
  local missing=()
  if [ "$SETUP_FOR" = test ]; then
    command -v chromium >/dev/null || missing+=(chromium)
    command -v chromedriver >/dev/null || missing+=(chromium-driver)
    # The release build is served in the tests by nginx with deploy/nginx.conf (brotli module).
    command -v nginx >/dev/null || missing+=(nginx-light)
    [ -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] ||
      missing+=(libnginx-mod-http-brotli-filter)
    # A Japanese font, so the Japanese screens are pictured in words, not empty boxes.
    fc-list :lang=ja 2>/dev/null | grep -q . || missing+=(fonts-ipafont-gothic)
  fi
  command -v curl >/dev/null || missing+=(curl)
  if ((${#missing[@]})); then
    say "Installing Debian packages: ${missing[*]} (about a minute)"
    local start=$SECONDS
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    took "Debian packages" "$start"
  fi
}

install_rust_tools() {
  # The toolchain rust-toolchain.toml pins, with the wasm32 target and the standard library's
  # source (the release build recompiles it: scripts/build-release.sh).
  local channel
  channel=$(sed -n 's/^channel = "\(.*\)"$/\1/p' "$ROOT/rust-toolchain.toml")
  rustup toolchain list | grep -q "^$channel" || {
    say "Installing the pinned Rust toolchain $channel (first time only, under a minute)"
    local start=$SECONDS
    (cd "$ROOT" && rustup toolchain install)
    took "the Rust toolchain" "$start"
  }
  have_version trunk "$TRUNK_VERSION" || {
    say "Building trunk $TRUNK_VERSION (first time only, about 6 minutes on 2 cores)"
    local start=$SECONDS
    # From $HOME: tools build on the machine's stable toolchain, not this project's nightly.
    (cd "$HOME" && cargo install --locked --quiet trunk --version "$TRUNK_VERSION")
    took "trunk" "$start"
  }
  # Without --locked: its lockfile wants a crate version this registry lacks.
  have_version wasm-bindgen "$WASM_BINDGEN_VERSION" || {
    say "Building wasm-bindgen-cli $WASM_BINDGEN_VERSION (first time only, about 2 minutes)"
    local start=$SECONDS
    (cd "$HOME" && cargo install --quiet wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION")
    took "wasm-bindgen-cli" "$start"
  }
}

# tools/local-cognito, the local Cognito (fakecloud's Cognito library behind CORS), pinned by
# its own Cargo.lock. Built once per machine into ~/.cargo/bin and rebuilt only when its
# sources change (a stamp of their hash sits beside the binary).
install_local_cognito() {
  local src="$ROOT/tools/local-cognito" bin="$HOME/.cargo/bin/local-cognito" stamp
  stamp=$(cat "$src/Cargo.toml" "$src/Cargo.lock" "$src/rust-toolchain.toml" "$src"/src/*.rs |
    sha256sum | cut -c1-16)
  [ -x "$bin" ] && [ "$(cat "$bin.stamp" 2>/dev/null)" = "$stamp" ] && return 0
  say "Building the local Cognito, tools/local-cognito (first time only, about 2 minutes on 2 cores)"
  local start=$SECONDS
  # From its folder, so that its own rust-toolchain.toml (stable) applies.
  (cd "$src" && CARGO_TARGET_DIR="$LOCAL_COGNITO_TARGET" cargo build --release --locked --quiet)
  install -D -m 755 "$LOCAL_COGNITO_TARGET/release/local-cognito" "$bin"
  echo "$stamp" >"$bin.stamp"
  took "the local Cognito" "$start"
}

install_node_packages() {
  # binaryen (wasm-opt for trunk) and Playwright, pinned in package-lock.json.
  local stamp="$ROOT/node_modules/.installed-from-lock"
  if ! cmp -s "$ROOT/package-lock.json" "$stamp" 2>/dev/null; then
    say "Installing npm packages (binaryen, Playwright)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$ROOT/package-lock.json" "$stamp"
  fi
}

install_debian_packages
install_rust_tools
install_local_cognito
install_node_packages
