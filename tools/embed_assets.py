#!/usr/bin/env python3
"""Turns files into a C++ table of EmbeddedAsset {name, data, size}.

Used at build time for translations and subset fonts, so the app needs no
extra request before its first frame and nothing generated is committed.
"""
import argparse
import os

from generated_file import write_if_changed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--symbol", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    lines = ['#include "app/embedded_asset.h"', "", "namespace assets {", ""]
    entries = []
    for index, path in enumerate(args.files):
        with open(path, "rb") as handle:
            data = handle.read()
        array = f"{args.symbol}_data_{index}"
        body = ",".join(str(b) for b in data)
        # A trailing 0 lets text assets be read as C strings; size excludes it.
        lines.append(f"static const unsigned char {array}[] = {{{body}{',' if data else ''}0}};")
        entries.append(f'  {{"{os.path.basename(path)}", {array}, {len(data)}}},')
    lines.append("")
    lines.append(f"extern const EmbeddedAsset {args.symbol}[] = {{")
    lines.extend(entries)
    lines.append("};")
    lines.append(f"extern const std::size_t {args.symbol}Count = {len(entries)};")
    lines.append("")
    lines.append("}  // namespace assets")
    write_if_changed(args.output, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
