#!/usr/bin/env bash
# Installs whatever this project needs and is missing, from the package registries only
# (Debian, crates.io, npm). Safe to re-run: each step checks first and is a no-op when done.
# Sourced by scripts/run.sh and scripts/test.sh; it also puts the tools on PATH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
FAKECLOUD_VERSION=0.51.0
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3}' "$ROOT/Cargo.lock")"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

have_version() { # command, expected version: true when `command --version` mentions it
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"
}

install_debian_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v curl >/dev/null || missing+=(curl)
  if ((${#missing[@]})); then
    say "Installing Debian packages: ${missing[*]} (about a minute)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

install_rust_tools() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown ||
    { say "Adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
  have_version trunk "$TRUNK_VERSION" || {
    say "Building trunk $TRUNK_VERSION (first time only, about 6 minutes on 2 cores)"
    cargo install --locked --quiet trunk --version "$TRUNK_VERSION"
  }
  # Without --locked: its lockfile wants a crate version this registry lacks.
  have_version wasm-bindgen "$WASM_BINDGEN_VERSION" || {
    say "Building wasm-bindgen-cli $WASM_BINDGEN_VERSION (first time only, about 2 minutes)"
    cargo install --quiet wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  }
  have_version fakecloud "$FAKECLOUD_VERSION" || {
    say "Building fakecloud $FAKECLOUD_VERSION, the local Cognito (first time only, about 30 minutes on 2 cores)"
    cargo install --locked --quiet fakecloud@"$FAKECLOUD_VERSION"
  }
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
install_node_packages
