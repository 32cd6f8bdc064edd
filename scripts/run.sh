#!/usr/bin/env bash
# The run command: installs what is missing, starts the local Cognito (tools/local-cognito)
# with a demo pool and users, and serves the app with `trunk serve`. Ctrl-C stops everything.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/setup.sh run
source scripts/stack.sh

trap 'stop_stack' EXIT
trap 'exit 130' INT TERM

say "Starting the local Cognito on 127.0.0.1:$RUN_COGNITO_PORT"
start_cognito "$RUN_COGNITO_PORT" target/run

cat <<TXT

  App:       http://127.0.0.1:$RUN_APP_PORT/   (config.json points it at the local Cognito)
  Sign in:   demo / Demo-Passw0rd!
  Must change password on first sign-in:  newcomer / Temp-Passw0rd!
  MFA (authenticator app): mfa-demo / Demo-Passw0rd!, code: node scripts/totp.mjs JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
  MFA (text message):      sms-demo / Demo-Passw0rd!, code: curl -s http://127.0.0.1:$RUN_COGNITO_PORT/_fakecloud/sns/sms
  Legacy refresh mode: set "clientId": "demolegacy1" and "refreshMode": "legacy" in config.json.
  Logs:      target/run/   ·   Stop: Ctrl-C

TXT
say "Building and serving the app (the first build takes a few minutes)"
trunk serve --port "$RUN_APP_PORT"
