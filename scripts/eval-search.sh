#!/usr/bin/env bash
# Search quality on the judged query sets, each against its own openings: imports them into a
# fresh data directory, serves them (with the embedding model when `models/` has it, as a server
# would), and prints nDCG@10, recall@10 and cross-lingual recall@10.
#   scripts/eval-search.sh [passerelle binary]    (default target/release/passerelle)
# VERBOSE=1 prints every query. Needs ../shared/tools/search_eval.py (a dev tool, not a test).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/passerelle}
export PASSERELLE_ADDR=127.0.0.1:3917 RUST_LOG=warn

# evaluate "OPENINGS…" "QUERIES…"
evaluate() {
  local data server
  if curl -sf "http://$PASSERELLE_ADDR/healthz" >/dev/null; then
    echo "another server answers on $PASSERELLE_ADDR: stop it first" >&2; exit 1
  fi
  data=$(mktemp -d)
  export PASSERELLE_DATA_DIR=$data
  for file in $1; do "$bin" import openings "$file" >/dev/null; done
  "$bin" serve >"$data/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do curl -sf "http://$PASSERELLE_ADDR/healthz" >/dev/null && break; sleep 0.2; done
  # With the embedding model, every opening has its vector before the queries run.
  until curl -sf "http://$PASSERELLE_ADDR/healthz" | python3 -c 'import json,sys; s=json.load(sys.stdin)["semantic"]; sys.exit(0 if s is None or s["caught_up"] else 1)'; do sleep 1; done
  for queries in $2; do
    echo "== $queries"
    # shellcheck disable=SC2086
    python3 ../shared/tools/search_eval.py "http://$PASSERELLE_ADDR" "$queries" $1 | if [ -n "${VERBOSE:-}" ]; then cat; else tail -1; fi
  done
  kill "$server"; wait "$server" 2>/dev/null || true
  rm -rf "$data"
}

topics="docs/eval/topics/tune-openings.jsonl docs/eval/topics/heldout-openings.jsonl docs/eval/topics/heldout2-openings.jsonl"
evaluate "../shared/data/openings-dev.jsonl" "../shared/data/search-dev.jsonl docs/eval/dev-probes.jsonl"
evaluate "server/demo/openings.jsonl" "server/demo/search-eval.jsonl docs/eval/loanword-probes.jsonl"
evaluate "$topics" "${TOPIC_QUERIES:-docs/eval/topics/tune-queries.jsonl docs/eval/topics/heldout-queries.jsonl docs/eval/topics/heldout2-queries.jsonl}"
