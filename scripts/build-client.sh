#!/usr/bin/env bash
# Builds the hydration bundle, size-optimised, into target/site/pkg/passerelle-HASH{.js,_bg.wasm}
# (named by their content, so that browsers may keep them for a year), each beside its brotli
# (.br, highest level) and gzip (.gz) forms, which the server sends as they are; `pkg/bundle-name`
# says which name the pages load.
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

hash=$(cat "$out/passerelle.js" "$out/passerelle_bg.wasm" | sha256sum | cut -c1-16)
name="passerelle-$hash"
mv "$out/passerelle.js" "$out/$name.js"
mv "$out/passerelle_bg.wasm" "$out/${name}_bg.wasm"
printf '%s\n' "$name" >"$out/bundle-name"
for file in "$out/$name.js" "$out/${name}_bg.wasm"; do
    gzip -9 -k -n "$file"
    node -e '
        const fs = require("fs"), zlib = require("zlib");
        const data = fs.readFileSync(process.argv[1]);
        fs.writeFileSync(process.argv[1] + ".br", zlib.brotliCompressSync(data, { params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));' "$file"
done
size() { stat -c %s "$1"; }
log "bundle $name: wasm $(size "$out/${name}_bg.wasm") B raw, $(size "$out/${name}_bg.wasm.gz") B gzip, \
$(size "$out/${name}_bg.wasm.br") B brotli; js $(size "$out/$name.js") B raw, $(size "$out/$name.js.br") B brotli"
