#!/usr/bin/env python3
"""What weighs in the browser bundle: the code of cargo's WebAssembly (before wasm-bindgen and
wasm-opt strip its names), summed by the first crate each function's name mentions, and the
data section. Generic code counts for the crate it is generic over first (serde_json's
deserializer of a model type counts for serde_json), so read the rows as places to look.

    python3 scripts/wasm-weights.py [target/wasm32-unknown-unknown/wasm-release/frontend.wasm]
"""

import collections
import re
import sys

DEFAULT = "target/wasm32-unknown-unknown/wasm-release/frontend.wasm"
CRATES = """app frontend model l10n matching serde_json serde_core serde reactive_graph reactive_stores
leptos_router leptos_meta leptos tachys server_fn chrono fluent_bundle fluent_syntax fluent
intl_pluralrules intl_memoizer unic_langid web_sys js_sys wasm_bindgen_futures wasm_bindgen dlmalloc
hashbrown indexmap core alloc std futures url form_urlencoded percent_encoding any_spawner either_of
send_wrapper guardian http smallvec itoa ryu memchr""".split()
# Legacy mangling writes each path segment after its length (`14reactive_graph`).
CRATE = re.compile(r"(?:\d+|(?<![A-Za-z0-9_]))(" + "|".join(sorted(CRATES, key=len, reverse=True)) + r")(?![a-z_])")


def leb128(data, at):
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def sections(data):
    at = 8
    while at < len(data):
        kind = data[at]
        size, at = leb128(data, at + 1)
        yield kind, at, at + size
        at += size


def imported_functions(data, at):
    count, at = leb128(data, at)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            length, at = leb128(data, at)
            at += length
        kind = data[at]
        at += 1
        if kind == 0:
            _, at = leb128(data, at)
            functions += 1
        elif kind in (1, 2):  # table (element type first), memory: limits
            at += 1 if kind == 1 else 0
            flags = data[at]
            _, at = leb128(data, at + 1)
            if flags & 1:
                _, at = leb128(data, at)
        elif kind == 3:  # global: type and mutability
            at += 2
    return functions


def function_names(data, at, end):
    length, at = leb128(data, at)
    if data[at : at + length] != b"name":
        return {}
    at += length
    names = {}
    while at < end:
        sub = data[at]
        size, at = leb128(data, at + 1)
        if sub == 1:
            count, inner = leb128(data, at)
            for _ in range(count):
                index, inner = leb128(data, inner)
                length, inner = leb128(data, inner)
                names[index] = data[inner : inner + length].decode("utf-8", "replace")
                inner += length
        at += size
    return names


def main():
    data = open(sys.argv[1] if len(sys.argv) > 1 else DEFAULT, "rb").read()
    imports, bodies, names, data_bytes = 0, [], {}, 0
    for kind, start, end in sections(data):
        if kind == 2:
            imports = imported_functions(data, start)
        elif kind == 10:
            count, at = leb128(data, start)
            for _ in range(count):
                size, at = leb128(data, at)
                bodies.append(size)
                at += size
        elif kind == 11:
            data_bytes = end - start
        elif kind == 0:
            names.update(function_names(data, start, end))
    if not names:
        sys.exit("no function names: give cargo's .wasm, not the bundle wasm-bindgen wrote")
    weights = collections.Counter()
    for offset, size in enumerate(bodies):
        found = CRATE.search(names.get(imports + offset, "").replace("..", "::"))
        weights[found.group(1) if found else "(other)"] += size
    total = sum(weights.values())
    print(f"code {total:,} B in {len(bodies):,} functions; data section {data_bytes:,} B")
    for crate, size in weights.most_common(25):
        print(f"{size:>10,} B {100 * size / total:5.1f}%  {crate}")


if __name__ == "__main__":
    main()
