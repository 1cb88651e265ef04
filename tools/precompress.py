#!/usr/bin/python3
"""Writes NAME.gz and NAME.br beside each given site file, for serve.py to
send as they are (Content-Encoding) to clients that accept them: the first
load's big files are compressed once, at the strongest levels, at build time
instead of on every server start.

Brotli comes from Debian's python3-brotli (tools/deps.sh), so run this with
Debian's /usr/bin/python3, as the font subsetting is. A copy newer than its
file is kept (the step reruns on every site assembly; brotli at quality 11
takes seconds on the big files)."""
import argparse
import gzip
import os
import sys

import brotli


def write_if_stale(source: str, target: str, data: bytes, compress) -> bool:
    try:
        if os.stat(target).st_mtime_ns >= os.stat(source).st_mtime_ns:
            return False
    except FileNotFoundError:
        pass
    packed = compress(data)
    partial = target + ".partial"
    with open(partial, "wb") as handle:
        handle.write(packed)
    os.replace(partial, target)  # serve.py never sees half a file
    return True


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+", help="site files to compress")
    args = parser.parse_args()
    for path in args.files:
        with open(path, "rb") as handle:
            data = handle.read()
        # mtime=0: the same input gives the same bytes.
        write_if_stale(path, path + ".gz", data, lambda d: gzip.compress(d, compresslevel=9, mtime=0))
        write_if_stale(path, path + ".br", data, lambda d: brotli.compress(d, quality=11))


if __name__ == "__main__":
    sys.exit(main())
