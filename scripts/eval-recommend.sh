#!/usr/bin/env bash
# Recommendation quality on the judged profile sets (docs/eval/profiles): serves the demo, the
# shared dev set and the three topic sets together (223 openings), sends each profile to
# `POST /api/v1/recommendations` and prints nDCG@10, recall@10 and how often a strong fit is in
# the top 3.   scripts/eval-recommend.sh [passerelle binary] [SET…]   (default: tune heldout)
# VERBOSE=1 prints every profile's list.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/passerelle}
shift || true
. scripts/eval-lib.sh
corpus="server/demo/openings.jsonl docs/eval/topics/tune-openings.jsonl docs/eval/topics/heldout-openings.jsonl docs/eval/topics/heldout2-openings.jsonl"
[ -f ../shared/data/openings-dev.jsonl ] && corpus="$corpus ../shared/data/openings-dev.jsonl"
serve_corpus "$corpus"
for set in "${@:-tune heldout}"; do
  for name in $set; do
    echo "== profiles: $name"
    python3 docs/eval/profiles/evaluate.py "http://$PASSERELLE_ADDR" "$name" $corpus
  done
done
stop_corpus
