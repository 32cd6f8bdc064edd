# The loopback ports the run and test commands use, in one place, and where the local Cognito
# is built. Sourced by setup.sh, run.sh and test.sh; the test layers get the ports as URLs in
# the environment. config.json's "endpoint" and Trunk.toml's
# [serve] port must match the run command's two.
RUN_COGNITO_PORT=4566   # the local Cognito behind `bash scripts/run.sh` (config.json "endpoint")
RUN_APP_PORT=8080       # trunk serve (Trunk.toml [serve] port)
TEST_COGNITO_PORT=4576  # a fresh local Cognito for the test command's browser layers
TEST_BLACKHOLE_PORT=4578 # accepts connections and never answers: the timeout tests
TEST_APP_PORT=8090      # the release build, served as a static host would
TEST_PLAIN_APP_PORT=8091 # a plain `trunk build --release` of the same source, served the same way
BENCH_PORT=8097         # the benchmarks' static server (bench-first-load.sh, bench-srp.sh)
BENCH_COGNITO_PORT=4586 # scripts/bench-srp.sh: the local Cognito the timed sign-ins use

# tools/local-cognito's build folder: kept across runs, so a change to it rebuilds only itself.
LOCAL_COGNITO_TARGET="$HOME/.cache/cognito-client/local-cognito"
