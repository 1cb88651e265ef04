#!/usr/bin/env python3
"""What each part of app.wasm costs: bytes per function and per group.

Needs a build that keeps function names:
    cmake -S . -B build/wasm -DAPP_PROFILING=ON && cmake --build build/wasm --target app
    tools/wasm_size_profile.py build/wasm/app.wasm [--top 40]
    cmake -S . -B build/wasm -DAPP_PROFILING=OFF   # the release link again

Prints the sections, the largest functions and the groups (nlohmann, ImGui,
SDL, libc++, std::function's implementations, our namespaces and classes).
"Raw" is a function's code bytes; "zlib" the same bytes compressed alone,
which overstates small functions but ranks the big ones as gzip sees them.
"""
import argparse
import collections
import re
import subprocess
import sys
import zlib


def leb128(data, i):
    result, shift = 0, 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, i


def sections(data):
    if data[:4] != b"\0asm":
        sys.exit("not a WebAssembly module")
    i = 8
    while i < len(data):
        section_id = data[i]
        size, i = leb128(data, i + 1)
        yield section_id, i, size
        i += size


def imported_function_count(data, offset):
    count, j = leb128(data, offset)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            length, j = leb128(data, j)
            j += length
        kind = data[j]
        j += 1
        if kind == 0:  # function: type index
            _, j = leb128(data, j)
            functions += 1
        elif kind == 1:  # table: element type, limits
            j += 1
            flags, j = leb128(data, j)
            _, j = leb128(data, j)
            if flags & 1:
                _, j = leb128(data, j)
        elif kind == 2:  # memory: limits
            flags, j = leb128(data, j)
            _, j = leb128(data, j)
            if flags & 1:
                _, j = leb128(data, j)
        elif kind == 3:  # global: value type, mutability
            j += 2
        else:
            sys.exit(f"unknown import kind {kind}")
    return functions


def function_names(data, offset, size):
    names = {}
    length, j = leb128(data, offset)
    if data[j:j + length] != b"name":
        return names
    j += length
    end = offset + size
    while j < end:
        subsection = data[j]
        sub_size, j = leb128(data, j + 1)
        sub_end = j + sub_size
        if subsection == 1:  # function names
            count, j = leb128(data, j)
            for _ in range(count):
                index, j = leb128(data, j)
                length, j = leb128(data, j)
                names[index] = data[j:j + length].decode("utf-8", "replace")
                j += length
        j = sub_end
    return names


def group_of(name):
    if "nlohmann" in name:
        return "nlohmann"
    if "std::__2::__function::__func" in name:
        return "std::function implementations"
    if name.startswith(("ImGui", "Im")) or "stb" in name.lower():
        return "ImGui (and stb)"
    if name.startswith(("SDL", "Emscripten_", "egl", "gl", "emscripten_gl")) or "Blit" in name:
        return "SDL / GL"
    if "simdjson" in name:
        return "simdjson"
    if name.startswith("std::"):
        return "libc++"
    # A template's return type comes first in its name ("void app::ActionRouter::on<...>").
    name = re.sub(r"^(?:const )?(?:void|bool|int|auto|char|double|float|long|unsigned|std::[\w:]+)[*&]* ", "", name)
    match = re.match(r"(core|ozon|net|store|platform|ui|app)::(?:\(anonymous namespace\)::)?([A-Za-z_]+)", name)
    if match:
        top, second = match.groups()
        return f"{top}::{second}" if top == "app" else top
    return "other (libc, main, lambdas)"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("wasm")
    parser.add_argument("--top", type=int, default=30, help="how many of the largest functions to list")
    args = parser.parse_args()
    data = open(args.wasm, "rb").read()

    imports = 0
    bodies = []
    names = {}
    print("section      bytes")
    for section_id, offset, size in sections(data):
        print(f"{section_id:7} {size:10}")
        if section_id == 2:
            imports = imported_function_count(data, offset)
        elif section_id == 10:
            count, j = leb128(data, offset)
            for k in range(count):
                length, start = leb128(data, j)
                bodies.append((k, start, length))
                j = start + length
        elif section_id == 0:
            names = function_names(data, offset, size)
    if not names:
        print("no function names: link with -DAPP_PROFILING=ON (--profiling-funcs)", file=sys.stderr)

    mangled = [names.get(k + imports, f"function {k + imports}") for k, _, _ in bodies]
    demangled = subprocess.run(["c++filt"], input="\n".join(mangled), capture_output=True, text=True).stdout.split("\n")
    functions = []
    for (_, start, length), name in zip(bodies, demangled):
        functions.append((length, len(zlib.compress(data[start:start + length], 9)), name))
    functions.sort(reverse=True)
    print(f"\ncode: {sum(f[0] for f in functions)} bytes in {len(functions)} functions")

    print(f"\n{'raw':>8} {'zlib':>7}  largest functions")
    for raw, packed, name in functions[:args.top]:
        print(f"{raw:8} {packed:7}  {name[:140]}")

    raw_by = collections.Counter()
    packed_by = collections.Counter()
    count_by = collections.Counter()
    for raw, packed, name in functions:
        group = group_of(name)
        raw_by[group] += raw
        packed_by[group] += packed
        count_by[group] += 1
    print(f"\n{'raw':>8} {'zlib':>7} {'funcs':>6}  group")
    for group, raw in raw_by.most_common():
        print(f"{raw:8} {packed_by[group]:7} {count_by[group]:6}  {group}")


if __name__ == "__main__":
    main()
