#!/usr/bin/env bash
# Builds the hydration bundle, size-optimised, into target/site/pkg/passerelle{.js,_bg.wasm}.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

select_wasm_toolchain
ensure_wasm_bindgen

log "building the browser bundle (wasm32, profile wasm-release)"
env "${WASM_CARGO_ENV[@]}" cargo build -q -p frontend --lib --target wasm32-unknown-unknown \
    --profile wasm-release "${WASM_CARGO_FLAGS[@]}"

out="$ROOT/target/site/pkg"
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript --remove-name-section --out-name passerelle \
    --out-dir "$out" "$ROOT/target/wasm32-unknown-unknown/wasm-release/frontend.wasm"

if ensure_wasm_opt; then
    "$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-mutable-globals --enable-reference-types \
        "$out/passerelle_bg.wasm" -o "$out/passerelle_bg.opt.wasm"
    mv "$out/passerelle_bg.opt.wasm" "$out/passerelle_bg.wasm"
fi
raw=$(stat -c %s "$out/passerelle_bg.wasm")
gz=$(gzip -9 -c "$out/passerelle_bg.wasm" | wc -c)
log "bundle: passerelle_bg.wasm ${raw} bytes raw, ${gz} bytes gzip"
