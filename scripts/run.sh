#!/usr/bin/env bash
# The run command: installs what is missing, starts a local Cognito (fakecloud) with a demo
# pool and users, and serves the app with `trunk serve`. Ctrl-C stops everything it started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/setup.sh
source scripts/stack.sh

trap 'stop_stack' EXIT
trap 'exit 130' INT TERM

say "Starting the local Cognito (fakecloud on 127.0.0.1:4566, CORS front on 127.0.0.1:4567)"
start_cognito 4566 4567 target/run

cat <<TXT

  App:       http://127.0.0.1:8080/   (config.json points it at the local Cognito)
  Sign in:   demo / Demo-Passw0rd!
  Must change password on first sign-in:  newcomer / Temp-Passw0rd!
  Legacy refresh mode: set "clientId": "demolegacy1" and "refreshMode": "legacy" in config.json.
  Logs:      target/run/   ·   Stop: Ctrl-C

TXT
say "Building and serving the app (the first build takes a few minutes)"
trunk serve
