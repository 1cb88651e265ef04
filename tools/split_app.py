#!/usr/bin/env python3
"""Splits app.wasm in two: what the console runs as it starts (the first
load) and the rest (app.deferred.wasm, fetched and compiled after the first
frame; shell/boot.js).

Emscripten links app.wasm with -sSPLIT_MODULE: app.wasm.orig is the module,
app.wasm the same module instrumented by `wasm-split --instrument`. The
site is assembled with the instrumented app.wasm and an empty
app.deferred.wasm (cmake/wasm_app.cmake); this script serves it (serve.py)
and lets tools/startup_profile.mjs start the console in headless Chromium
on the demo store three ways (a desktop's first visit; its second,
restoring what the first left in IndexedDB; a phone in Chinese), each until
the first screen is drawn with its data, and a fourth whose timers then run
ten minutes on (a countdown's redraw, the alert sweep at a deadline, the
orders refresh: each may be due before the rest is in, which it would then
fetch synchronously). Every function those runs call
stays in app.wasm; wasm-split moves the others to app.deferred.wasm, and each
call to one of them goes through a placeholder until that module is in.

    split_app.py --site SITE_DIR --original app.wasm.orig
                 --node-modules DIR   (playwright-core, for startup_profile.mjs)
                 [--keep-names]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
# The features emcc's own wasm-split run enables for this module.
FEATURES = ["--enable-bulk-memory", "--enable-sign-ext", "--enable-mutable-globals",
            "--enable-nontrapping-float-to-int"]
# Each a fresh browser profile; "reload" starts a second time in the same one.
RUNS = [
    {"PROFILE_VIEWPORT": "1280x800", "PROFILE_LOCALE": "en-US", "PROFILE_RELOAD": "1"},
    {"PROFILE_VIEWPORT": "390x844", "PROFILE_LOCALE": "zh-CN", "PROFILE_RELOAD": ""},
    # The first minutes' timers (startup_profile.mjs): past two 5-minute marks and an orders refresh.
    {"PROFILE_VIEWPORT": "1280x800", "PROFILE_LOCALE": "en-US", "PROFILE_RELOAD": "", "PROFILE_MINUTES": "10"},
]


def serve(site: str) -> tuple:
    server = subprocess.Popen(
        [sys.executable, os.path.join(ROOT, "serve.py"), "--no-build", "--port", "0", "--site", site],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = server.stdout.readline()
    if not line.startswith("Serving "):
        server.kill()
        raise SystemExit(f"split_app: serve.py did not start ({line.strip()!r})")
    return server, line.split()[1].rstrip("/")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", required=True)
    parser.add_argument("--original", required=True)
    parser.add_argument("--node-modules", required=True)
    parser.add_argument("--keep-names", action="store_true",
                        help="keep the function names (a -DAPP_PROFILING=ON build, for CPU profiles)")
    args = parser.parse_args()

    site_wasm = os.path.join(args.site, "app.wasm")
    # The site's compressed copies are of the last split module: serve.py
    # would ignore them as older, but none must outlive this step.
    for suffix in (".gz", ".br"):
        for name in ("app.wasm", "app.deferred.wasm"):
            path = os.path.join(args.site, name + suffix)
            if os.path.exists(path):
                os.remove(path)

    with tempfile.TemporaryDirectory(prefix="split-app-") as work:
        profiles = []
        server, url = serve(args.site)
        try:
            for number, run in enumerate(RUNS):
                profile = os.path.join(work, f"profile-{number}")
                env = dict(os.environ, SITE_URL=url, PROFILE_OUT=profile, NODE_PATH=args.node_modules, **run)
                subprocess.run(["node", os.path.join(ROOT, "tools", "startup_profile.mjs")], env=env, check=True)
                profiles += [profile, profile + "-reload"] if run["PROFILE_RELOAD"] else [profile]
        finally:
            server.terminate()
            server.wait()
        merged = os.path.join(work, "profile")
        subprocess.run(["wasm-split", "--merge-profiles", *profiles, "-o", merged], check=True)
        primary = os.path.join(work, "app.wasm")
        deferred = os.path.join(work, "app.deferred.wasm")
        # --export-prefix: the names of what the deferred module imports from
        # the first (exports of their own, beside Emscripten's minified ones).
        names = ["--debuginfo"] if args.keep_names else []
        subprocess.run(["wasm-split", *FEATURES, *names, args.original, f"--profile={merged}",
                        "-o1", primary, "-o2", deferred, "--export-prefix=%"], check=True)
        shutil.move(primary, site_wasm)
        shutil.move(deferred, os.path.join(args.site, "app.deferred.wasm"))
    print(f"split_app: app.wasm {os.path.getsize(site_wasm)} B at start, "
          f"app.deferred.wasm {os.path.getsize(os.path.join(args.site, 'app.deferred.wasm'))} B after the first frame")


if __name__ == "__main__":
    main()
