#!/usr/bin/env bash
# Sets Passerelle up on this machine and serves it with demo data at http://127.0.0.1:3000
# (SQLite and the index in ./data; set PASSERELLE_DATA_DIR, PASSERELLE_ADDR to change that).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/build-client.sh"
prepare_korean_dictionary
fetch_model
log "building the server (release)"
cargo build -q --release -p server
"$ROOT/target/release/passerelle" seed demo
exec "$ROOT/target/release/passerelle" serve
