#!/usr/bin/env python3
"""Packs assets/i18n/<lang>.json into one file for embedding: every key once.

{"keys": [k...], "en": [text|null ...], "ru": [...], "zh": [...]}: the texts
of each language in the order of "keys" (null where a language lacks the key).
Three files repeat each key three times; packed, the first load is ~8 KB
(gzip) smaller. app::Translations::embedded() reads this form.
"""
import argparse
import json
import os

from generated_file import write_if_changed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--output", required=True)
    parser.add_argument("files", nargs="+", help="assets/i18n/<lang>.json")
    args = parser.parse_args()

    catalogues = {}
    for path in args.files:
        with open(path, encoding="utf-8") as handle:
            catalogues[os.path.splitext(os.path.basename(path))[0]] = json.load(handle)
    keys = []
    seen = set()
    for lang in sorted(catalogues, key=lambda code: code != "en"):  # English order first
        for key in catalogues[lang]:
            if key not in seen:
                seen.add(key)
                keys.append(key)
    pack = {"keys": keys}
    for lang, catalogue in catalogues.items():
        pack[lang] = [catalogue.get(key) for key in keys]
    write_if_changed(args.output, json.dumps(pack, ensure_ascii=False, separators=(",", ":")))


if __name__ == "__main__":
    main()
