#!/usr/bin/env bash
# Runs all of Passerelle's tests on this machine, installing what they need:
#   formatting and lints; unit, HTTP and CLI tests against SQLite and a real PostgreSQL server;
#   browser tests (Playwright driving Chromium) against a server seeded with the demo data.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_apt chromium fonts-noto-cjk postgresql curl python3
command -v node >/dev/null || { log "Node.js is needed for the browser tests"; exit 1; }
command -v java >/dev/null || ensure_apt default-jre-headless  # the Nu Html Checker

"$ROOT/scripts/build-client.sh"
prepare_korean_dictionary
fetch_model
export PASSERELLE_REQUIRE_MODEL=1

log "cargo fmt --check"
cargo fmt --all --check
log "cargo clippy"
cargo clippy -q --all-targets -- -D warnings

SERVER_PID=""
DATA_DIR=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    [ -n "$DATA_DIR" ] && rm -rf "$DATA_DIR"
    stop_postgres
}
trap cleanup EXIT

start_postgres
export PASSERELLE_REQUIRE_POSTGRES=1
log "cargo test (SQLite and PostgreSQL)"
cargo test -q --all-targets

DATA_DIR=$(mktemp -d /tmp/passerelle-e2e.XXXXXX)
port=$(free_port)
export PASSERELLE_DATA_DIR="$DATA_DIR" PASSERELLE_ADDR="127.0.0.1:$port"
unset DATABASE_URL
export PASSERELLE_DEMO_PASSWORD="a demo passphrase for tests"
"$ROOT/target/debug/passerelle" seed demo
"$ROOT/target/debug/passerelle" serve >"$DATA_DIR/server.log" 2>&1 &
SERVER_PID=$!
wait_healthy "http://127.0.0.1:$port"

log "the JSON API against its OpenAPI document (schemathesis)"
ensure_schemathesis
# Valid requests only: every answer must be documented (status, type, schema) and none a 5xx.
"$SCHEMATHESIS" run "http://127.0.0.1:$port/api/v1/openapi.json" --mode positive \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples 40 --generation-deterministic --workers 1 --no-color

log "browser tests"
cd "$ROOT/end2end"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund
PASSERELLE_BASE_URL="http://127.0.0.1:$port" node --test --test-concurrency=1 --test-reporter=spec tests/
