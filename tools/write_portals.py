#!/usr/bin/env python3
"""Writes the site's portals.json: {"portals": ["https://portal.example", ...]},
the origins of the seller portals allowed to embed the console in a frame,
from the CONSOLE_PORTALS environment variable (origins separated by spaces or
commas; unset or empty: an empty list).

The console reads /portals.json at start to know which embedders to trust.
serve.py without --portal serves the same list and puts it in its CSP
(frame-ancestors 'self' <origins>); a static host must send that header
itself. Each origin is checked as serve.py --portal checks it: a bad one fails
the build (exit code 2) and leaves the file as it was."""
import argparse
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ left beside serve.py
sys.path.insert(0, REPO)
from serve import parse_origins  # noqa: E402  (the very check of serve.py --portal)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", required=True, help="where to write portals.json")
    args = parser.parse_args()

    values = [v for v in re.split(r"[\s,]+", os.environ.get("CONSOLE_PORTALS", "")) if v]
    try:
        portals = parse_origins(values)
    except ValueError as e:
        sys.stderr.write("write_portals.py: CONSOLE_PORTALS: %s\n" % e)
        return 2
    text = json.dumps({"portals": portals}, indent=2) + "\n"

    # Runs on every build: rewrite only a changed list, so the file's ETag stays put.
    try:
        with open(args.output, encoding="utf-8") as f:
            if f.read() == text:
                return 0
    except OSError:
        pass
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    partial = args.output + ".partial"
    with open(partial, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(partial, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
