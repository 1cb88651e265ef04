#!/usr/bin/env bash
# Builds the native targets (unit tests, sandbox server, benchmarks) or the
# WebAssembly site. Run tools/deps.sh first (serve.py and tests/run do).
#
#   tools/build.sh native    -> build/native/
#   tools/build.sh wasm      -> build/wasm/, site in build/site/
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUILD_DIR:-$ROOT/build}"
eval "$("$ROOT/tools/deps.sh" --print)"
JOBS="${JOBS:-$(nproc)}"

case "${1:-}" in
  native)
    cmake -S "$ROOT" -B "$BUILD/native" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$BUILD/native" -j "$JOBS"
    ;;
  wasm)
    export NODE_PATH=/usr/share/nodejs   # emscripten's JS optimizer needs Debian's acorn
    emcmake cmake -S "$ROOT" -B "$BUILD/wasm" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DIMGUI_WASM_DIR="$IMGUI_WASM_DIR" -DSDL2_WASM_DIR="$SDL2_WASM_DIR" -DSITE_DIR="$BUILD/site" \
      -DPDF_LIB_JS="$PDF_LIB_JS" >/dev/null
    cmake --build "$BUILD/wasm" -j "$JOBS"
    ;;
  *)
    echo "usage: tools/build.sh native|wasm" >&2
    exit 2
    ;;
esac
