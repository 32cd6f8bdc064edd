#!/usr/bin/env bash
# The local Cognito, sourced by run.sh and test.sh: tools/local-cognito on loopback (CORS
# built in) with the demo pool; and nginx for the release build in the tests. Every process started is recorded in STACK_PIDS for stop_stack.
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

# start_nginx SITE_DIR PORT LOG_DIR: Debian's nginx serving SITE_DIR on loopback with the
# deploy/nginx.conf the README tells people to use, and the security headers written from the
# site's own config.json (scripts/security-headers.mjs). Its files stay in LOG_DIR/nginx.
start_nginx() {
  local site=$1 port=$2 prefix=$3/nginx
  rm -rf "$prefix" && mkdir -p "$prefix/tmp"
  refuse_if_taken "$port" || return 1
  node "$ROOT/scripts/security-headers.mjs" "$site/config.json" nginx \
    >"$prefix/cognito-client-headers.conf" || return 1
  # As root, the workers would run as nobody, who may not read the site; they stay root here.
  local user=""
  [ "$(id -u)" -eq 0 ] && user="user root;"
  cat >"$prefix/nginx.conf" <<CONF
$user
daemon off;
pid $prefix/nginx.pid;
error_log $prefix/error.log;
load_module /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so;
events {}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $prefix/access.log;
    client_body_temp_path $prefix/tmp/body;
    proxy_temp_path $prefix/tmp/proxy;
    fastcgi_temp_path $prefix/tmp/fastcgi;
    uwsgi_temp_path $prefix/tmp/uwsgi;
    scgi_temp_path $prefix/tmp/scgi;
    server {
        listen 127.0.0.1:$port;
        root $(cd "$site" && pwd);
        include $ROOT/deploy/nginx.conf;
    }
}
CONF
  nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" &
  STACK_PIDS+=($!)
  wait_for_url "http://127.0.0.1:$port/" "nginx"
}

stop_stack() {
  local pid
  for pid in "${STACK_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STACK_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  STACK_PIDS=()
}
