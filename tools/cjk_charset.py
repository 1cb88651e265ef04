#!/usr/bin/env python3
"""Writes the characters of the larger Chinese font (ui-cjk-extra.ttf) as a
text file for fontTools.subset: every character of GB2312 (the 6,763 common
simplified Chinese characters, with its punctuation and full-width forms)
plus the kana. Standard library only: Python's gb2312 codec is the list."""
import argparse


def gb2312_characters():
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                yield bytes((row, cell)).decode("gb2312")
            except UnicodeDecodeError:
                pass  # an unassigned code


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    chars = set(gb2312_characters())
    chars.update(chr(c) for c in range(0x3000, 0x3100))  # CJK punctuation, hiragana, katakana
    chars.update(chr(c) for c in range(0xFF01, 0xFF5F))  # full-width ASCII forms
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write("".join(sorted(chars)))


if __name__ == "__main__":
    main()
