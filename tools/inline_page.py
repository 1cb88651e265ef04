#!/usr/bin/env python3
"""Writes the site's index.html from shell/index.html with site-info.js and
boot.js inlined. As files, they were two more requests the start waited for
before it could ask for app.wasm and make the WebGL context (boot.js ran
90-170 ms after navigation here; inline, as soon as the HTML is parsed).
serve.py allows the inline scripts by their hashes in its CSP.

Each `<script src="NAME" data-inline></script>` of the template becomes
`<script>TEXT</script>`, TEXT the named file's content."""
import argparse
import os
import re

TAG = re.compile(r'<script src="([^"]+)" data-inline></script>')


def inline_text(text: str, name: str) -> str:
    # Inside <script>, "</script" ends the element and "<!--" changes how it is
    # parsed: neither may appear (in JavaScript, "<\/" is the same string).
    text = text.replace("</", "<\\/")
    if "<!--" in text:
        raise SystemExit("inline_page.py: %s contains '<!--', which cannot be inlined" % name)
    return text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--template", required=True, help="shell/index.html")
    parser.add_argument("--output", required=True, help="the site's index.html")
    parser.add_argument("files", nargs="+", help="the files the template names, by their base names")
    args = parser.parse_args()

    by_name = {os.path.basename(path): path for path in args.files}
    with open(args.template, encoding="utf-8") as handle:
        template = handle.read()
    used = set()

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in by_name:
            raise SystemExit("inline_page.py: the template inlines %s, which was not given" % name)
        used.add(name)
        with open(by_name[name], encoding="utf-8") as handle:
            return "<script>" + inline_text(handle.read(), name) + "</script>"

    page = TAG.sub(replace, template)
    if used != set(by_name):
        raise SystemExit("inline_page.py: the template does not inline %s" % ", ".join(sorted(set(by_name) - used)))
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write(page)


if __name__ == "__main__":
    main()
