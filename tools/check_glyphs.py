#!/usr/bin/env python3
"""Fails the build when the UI would draw a character no embedded font has.

ImGui draws a missing glyph as '?', silently. This reads every character of
the translation files and of the string literals in the UI sources, and
checks that one of the subset fonts maps it. Writes --stamp when all are
covered (so the build can depend on the check).
"""
import argparse
import json
import re
import sys

from fontTools.ttLib import TTFont

# Characters ImGui draws itself or that never reach the screen as glyphs.
NOT_DRAWN = {"\n", "\r", "\t"}


def strings_of(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_of(item)


def literal_characters(source: str):
    """Characters of C++ string literals, with \\uXXXX escapes decoded."""
    for literal in re.findall(r'"((?:[^"\\\n]|\\.)*)"', source):
        for escape in re.findall(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})", literal):
            yield chr(int(escape[0] or escape[1], 16))
        for char in re.sub(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", "", literal):
            yield char


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--font", action="append", required=True)
    parser.add_argument("--translations", nargs="*", default=[], help="JSON files")
    parser.add_argument("--sources", nargs="*", default=[], help="C++ files")
    parser.add_argument("--stamp", required=True)
    args = parser.parse_args()

    covered = set()
    for path in args.font:
        covered.update(TTFont(path).getBestCmap().keys())

    needed = {}  # character -> where it was first seen
    for path in args.translations:
        with open(path, encoding="utf-8") as handle:
            for text in strings_of(json.load(handle)):
                for char in text:
                    needed.setdefault(char, path)
    for path in args.sources:
        with open(path, encoding="utf-8") as handle:
            for char in literal_characters(handle.read()):
                needed.setdefault(char, path)

    missing = sorted(c for c in needed if c not in NOT_DRAWN and ord(c) >= 0x20 and ord(c) not in covered)
    if missing:
        for char in missing:
            print(f"check_glyphs: U+{ord(char):04X} {char!r} ({needed[char]}) is in no embedded font", file=sys.stderr)
        return 1
    with open(args.stamp, "w", encoding="utf-8") as handle:
        handle.write(f"{len(needed)} characters covered\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
