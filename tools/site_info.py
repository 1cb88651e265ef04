#!/usr/bin/env python3
"""Writes site-info.js for the shell page (inlined in it by
tools/inline_page.py): the build version (a hash of the
app files, so caches and the service worker see every new build), the size
of app.wasm (the download progress bar cannot trust Content-Length when the
server compresses), the size and SHA-256 of app.deferred.wasm (fetched after
the first frame: the page checks it belongs to the app.wasm it started), and
the shell's own strings from assets/i18n."""
import argparse
import hashlib
import json
import os


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--output", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--i18n-dir", required=True)
    parser.add_argument("files", nargs="+", help="app files whose content defines the build")
    args = parser.parse_args()

    digest = hashlib.sha256()
    wasm_bytes = 0
    deferred = b""
    for path in args.files:
        with open(path, "rb") as handle:
            data = handle.read()
        digest.update(os.path.basename(path).encode() + b"\0" + data)
        if os.path.basename(path) == "app.wasm":
            wasm_bytes = len(data)
        elif os.path.basename(path) == "app.deferred.wasm":
            deferred = data

    strings = {}
    for name in sorted(os.listdir(args.i18n_dir)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(args.i18n_dir, name), encoding="utf-8") as handle:
            catalogue = json.load(handle)
        strings[name[:-5]] = {k: v for k, v in catalogue.items() if k.startswith("shell.")}

    info = {
        "version": f"{args.version}+{digest.hexdigest()[:12]}",
        "wasmBytes": wasm_bytes,
        "deferredWasm": {"bytes": len(deferred), "sha256": hashlib.sha256(deferred).hexdigest()},
        "shellStrings": strings,
    }
    text = "// Generated at build time by tools/site_info.py.\nself.SITE_INFO = " + json.dumps(
        info, ensure_ascii=False, sort_keys=True) + ";\n"
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write(text)


if __name__ == "__main__":
    main()
