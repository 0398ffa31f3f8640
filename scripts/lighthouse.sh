#!/usr/bin/env bash
# Lighthouse's mobile performance score (its default: a mid-range phone, 4× slower CPU, slow 4G)
# of the home, search and opening pages, three runs each, against a release build serving the
# demo data, in Debian's Chromium. Prints each score and each page's median. Not part of the
# tests: scores move with the machine's load; the README records them with the date.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_apt chromium
[ -f "$ROOT/target/site/pkg/bundle-name" ] || "$ROOT/scripts/build-client.sh"
prepare_korean_dictionary
log "release build"
cargo build -q --release -p server

LIGHTHOUSE="$ROOT/target/lighthouse/node_modules/.bin/lighthouse"
if [ ! -x "$LIGHTHOUSE" ]; then
    log "installing lighthouse 12 from npm (once)"
    mkdir -p "$ROOT/target/lighthouse"
    npm install --silent --no-audit --no-fund --prefix "$ROOT/target/lighthouse" lighthouse@12.8.2
fi

DATA_DIR=$(mktemp -d /tmp/passerelle-lighthouse.XXXXXX)
port=$(free_port)
export PASSERELLE_DATA_DIR="$DATA_DIR" PASSERELLE_ADDR="127.0.0.1:$port" PASSERELLE_MODEL=off
export PASSERELLE_DEMO_PASSWORD="a demo passphrase for lighthouse"
unset DATABASE_URL
"$ROOT/target/release/passerelle" seed demo >/dev/null
"$ROOT/target/release/passerelle" serve >"$DATA_DIR/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null; rm -rf "$DATA_DIR"' EXIT
base="http://127.0.0.1:$port"
wait_healthy "$base"
opening=$(curl -s "$base/api/v1/openings?per_page=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["id"])')

runs=${LIGHTHOUSE_RUNS:-3}
for path in "/en/" "/en/openings?q=quantum" "/en/openings/$opening"; do
    scores=()
    for _ in $(seq "$runs"); do
        report="$DATA_DIR/report.json"
        "$LIGHTHOUSE" "$base$path" --quiet --only-categories=performance --output=json --output-path="$report" \
            --chrome-path=/usr/bin/chromium \
            --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
        scores+=("$(python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["categories"]["performance"]["score"]*100))' "$report")")
    done
    median=$(printf '%s\n' "${scores[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    echo "$path: ${scores[*]} (median $median)"
done
