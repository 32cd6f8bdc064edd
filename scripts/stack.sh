#!/usr/bin/env bash
# The local Cognito, sourced by run.sh and test.sh: tools/local-cognito on loopback (CORS
# built in) with the demo pool. Every process started is recorded in STACK_PIDS for stop_stack.
STACK_PIDS=()

wait_for_url() { # url, what: waits up to 30 s for an HTTP answer
  for _ in $(seq 1 150); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.2
  done
  echo "error: $2 did not start (no answer at $1)" >&2
  return 1
}

refuse_if_taken() { # port
  if curl -s -o /dev/null "http://127.0.0.1:$1/"; then
    echo "error: something already listens on 127.0.0.1:$1; stop it first (an earlier run still going?)" >&2
    return 1
  fi
}

# start_cognito PORT LOG_DIR: a fresh local Cognito with the demo pool and users.
start_cognito() {
  local port=$1 logs=$2
  mkdir -p "$logs"
  refuse_if_taken "$port" || return 1
  local-cognito --addr "127.0.0.1:$port" >"$logs/local-cognito.log" 2>&1 &
  STACK_PIDS+=($!)
  wait_for_url "http://127.0.0.1:$port/_fakecloud/health" "the local Cognito" || return 1
  node "$ROOT/scripts/fakecloud.mjs" seed --endpoint "http://127.0.0.1:$port"
}

stop_stack() {
  local pid
  for pid in "${STACK_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STACK_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  STACK_PIDS=()
}
