#!/usr/bin/env bash
# The first-load benchmark (issue 8): the release build against a React 18 + Amplify v6 page
# (benches/first-load/react, built here from the npm packages pinned in its package-lock.json
# with esbuild), both served brotli-compressed by one local server, loaded interleaved in
# headless Chromium under three profiles. Writes reports/first-load.md. A benchmark with a
# report, not a test: it never fails on the figures.
#   bash scripts/bench-first-load.sh [LOADS per page and profile, default 15]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/setup.sh
SITE=target/first-load-site
BENCH=benches/first-load

say "Building the app (release)"
bash scripts/build-release.sh >/dev/null
say "Building the React + Amplify page"
(cd "$BENCH" && npm ci --no-audit --no-fund --loglevel=error)
rm -rf "$SITE" && mkdir -p "$SITE/react"
cp -r dist/. "$SITE/"
cp "$BENCH/react/index.html" "$SITE/react/"
"$BENCH/node_modules/.bin/esbuild" "$BENCH/react/main.jsx" --bundle --minify --format=esm \
  --jsx=automatic --define:process.env.NODE_ENV='"production"' --log-level=warning \
  --outfile="$SITE/react/main.js"


node scripts/static-server.mjs --dir "$SITE" --listen "127.0.0.1:$BENCH_PORT" --brotli &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
until curl -sf "http://127.0.0.1:$BENCH_PORT/" >/dev/null; do sleep 0.2; done
say "Loading both pages in headless Chromium"
node "$BENCH/run.mjs" "http://127.0.0.1:$BENCH_PORT" "${1:-15}"
