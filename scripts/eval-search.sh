#!/usr/bin/env bash
# Search quality on the judged query sets, each against its own openings: imports them into a
# fresh data directory, serves them (with the embedding model when `models/` has it, as a server
# would), and prints nDCG@10, recall@10 and cross-lingual recall@10.
#   scripts/eval-search.sh [passerelle binary]    (default target/release/passerelle)
# VERBOSE=1 prints every query. Needs ../shared/tools/search_eval.py (a dev tool, not a test).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/passerelle}
. scripts/eval-lib.sh

# evaluate "OPENINGS…" "QUERIES…"
evaluate() {
  serve_corpus "$1"
  for queries in $2; do
    echo "== $queries"
    # shellcheck disable=SC2086
    python3 ../shared/tools/search_eval.py "http://$PASSERELLE_ADDR" "$queries" $1 | if [ -n "${VERBOSE:-}" ]; then cat; else tail -1; fi
  done
  stop_corpus
}

# The topic sets, served together: each set's openings are distractors for the others.
sets="tune heldout heldout2 heldout3 heldout4"
topics=$(for set in $sets; do printf 'docs/eval/topics/%s-openings.jsonl ' "$set"; done)
topic_queries=$(for set in $sets; do printf 'docs/eval/topics/%s-queries.jsonl ' "$set"; done)
evaluate "../shared/data/openings-dev.jsonl" "../shared/data/search-dev.jsonl docs/eval/dev-probes.jsonl"
evaluate "server/demo/openings.jsonl" "server/demo/search-eval.jsonl docs/eval/loanword-probes.jsonl"
evaluate "$topics" "${TOPIC_QUERIES:-$topic_queries}"
