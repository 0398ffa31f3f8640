# Serving a judged corpus for the evaluation scripts (sourced by eval-search.sh and
# eval-recommend.sh): `serve_corpus "OPENINGS…"` imports the files into a fresh data directory
# and serves them on $PASSERELLE_ADDR (with the embedding model when `models/` has it, every
# opening embedded before it returns); `stop_corpus` stops the server and removes the directory.
bin=${bin:-target/release/passerelle}
export PASSERELLE_ADDR=${PASSERELLE_ADDR:-127.0.0.1:3917} RUST_LOG=warn

serve_corpus() {
  if curl -sf "http://$PASSERELLE_ADDR/healthz" >/dev/null; then
    echo "another server answers on $PASSERELLE_ADDR: stop it first" >&2; exit 1
  fi
  corpus_data=$(mktemp -d)
  export PASSERELLE_DATA_DIR=$corpus_data
  for file in $1; do "$bin" import openings "$file" >/dev/null; done
  "$bin" serve >"$corpus_data/serve.log" 2>&1 &
  corpus_server=$!
  for _ in $(seq 100); do curl -sf "http://$PASSERELLE_ADDR/healthz" >/dev/null && break; sleep 0.2; done
  until curl -sf "http://$PASSERELLE_ADDR/healthz" | python3 -c 'import json,sys; s=json.load(sys.stdin)["semantic"]; sys.exit(0 if s is None or s["caught_up"] else 1)'; do sleep 1; done
}

stop_corpus() {
  kill "$corpus_server"; wait "$corpus_server" 2>/dev/null || true
  rm -rf "$corpus_data"
}
