#!/usr/bin/env python3
"""Writes the site's sw.js from the web/sw.js template with the build version
baked in. The version is read from the site-info.js that tools/site_info.py
just wrote (a hash of the app files), so every new build changes the bytes
of sw.js and browsers see an update; the worker's cache is named after it."""
import argparse
import json

PLACEHOLDER = "@BUILD_VERSION@"
PREFIX = "self.SITE_INFO = "


def read_version(site_info_path):
    with open(site_info_path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(PREFIX):
                return json.loads(line[len(PREFIX):].rstrip().rstrip(";"))["version"]
    raise SystemExit("bake_sw.py: no SITE_INFO in %s" % site_info_path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site-info", required=True, help="site-info.js written by tools/site_info.py")
    parser.add_argument("--template", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    version = read_version(args.site_info)
    with open(args.template, encoding="utf-8") as handle:
        template = handle.read()
    if template.count(PLACEHOLDER) != 1:
        raise SystemExit("bake_sw.py: %s must contain %s exactly once" % (args.template, PLACEHOLDER))
    # json.dumps gives a quoted JS string literal.
    text = template.replace("'" + PLACEHOLDER + "'", json.dumps(version))
    if PLACEHOLDER in text:
        raise SystemExit("bake_sw.py: write the placeholder as '%s' (single quotes)" % PLACEHOLDER)
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write(text)


if __name__ == "__main__":
    main()
