#!/usr/bin/env python3
"""Splits the characters of the Chinese UI strings in two, as text files for
fontTools.subset: the first part (ui-cjk.ttf) holds those of the strings the
first screens draw, fetched with lang-zh.json before the first frame; the
rest (ui-cjk-rest.ttf) those of every other string, fetched after it.

--first-keys lists the first screens' strings: a key per line, or a prefix
ending in '.' for all its keys; '#' starts a comment. ASCII is left out
(the Latin font draws it). Standard library only."""
import argparse
import json
import sys


def read_key_list(path):
    keys, prefixes = set(), []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            entry = line.split("#", 1)[0].strip()
            if entry.endswith("."):
                prefixes.append(entry)
            elif entry:
                keys.add(entry)
    return keys, prefixes


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--strings", required=True, help="assets/i18n/zh.json")
    parser.add_argument("--first-keys", required=True)
    parser.add_argument("--first", required=True, help="output: the first part's characters")
    parser.add_argument("--rest", required=True, help="output: the other characters")
    args = parser.parse_args()

    with open(args.strings, encoding="utf-8") as handle:
        strings = json.load(handle)
    keys, prefixes = read_key_list(args.first_keys)
    unknown = sorted(key for key in keys if key not in strings)
    unmatched = sorted(p for p in prefixes if not any(key.startswith(p) for key in strings))
    if unknown or unmatched:
        for entry in unknown + unmatched:
            print(f"zh_font_parts: {args.first_keys}: {entry!r} names no string of {args.strings}", file=sys.stderr)
        return 1

    def wide(text):
        return {char for char in text if ord(char) > 0x7E}

    first, every = set(), set()
    for key, text in strings.items():
        every |= wide(text)
        if key in keys or key.startswith(tuple(prefixes)):
            first |= wide(text)
    for path, chars in ((args.first, first), (args.rest, every - first)):
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("".join(sorted(chars)))
    print(f"zh_font_parts: {len(first)} characters first, {len(every - first)} after the first frame")
    return 0


if __name__ == "__main__":
    sys.exit(main())
