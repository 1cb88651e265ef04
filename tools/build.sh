#!/usr/bin/env bash
# Builds the native targets (unit tests, sandbox server, benchmarks) or the
# WebAssembly site. Run tools/deps.sh first (serve.py and tests/run do).
#
#   tools/build.sh native [target...]       -> build/native/       (Release)
#   tools/build.sh native-asan [target...]  -> build/native-asan/  (assertions on, ASan + UBSan; tests/run)
#   tools/build.sh wasm                     -> build/wasm/, site in build/site/
#
# Warnings are errors (-Werror) when CI=true, always in native-asan, or with
# WERROR=1 (WERROR=0 turns it off). A local serve.py build only warns, so it
# shares build/wasm with tests/run without rebuilding everything.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUILD_DIR:-$ROOT/build}"
eval "$("$ROOT/tools/deps.sh" --print)"
JOBS="${JOBS:-$(nproc)}"

werror() { # default: on in CI
  local on="${WERROR:-$([[ "${CI:-}" == true ]] && echo 1 || echo 0)}"
  [[ "$on" == 1 ]] && echo ON || echo OFF
}
targets() { (( $# )) && printf -- '--target %s ' "$@"; true; }

mode="${1:-}"
(( $# )) && shift
case "$mode" in
  native)
    cmake -S "$ROOT" -B "$BUILD/native" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSIMDJSON_DIR="$SIMDJSON_DIR" \
      -DWARNINGS_AS_ERRORS="$(werror)" >/dev/null
    cmake --build "$BUILD/native" -j "$JOBS" $(targets "$@")
    ;;
  native-asan)
    # Debug: no NDEBUG, so assert() and nlohmann's JSON_ASSERT are checked. -O1: at -O0 the
    # unit tests under ASan took 30x their Release time; -g1: file:line in sanitizer reports.
    cmake -S "$ROOT" -B "$BUILD/native-asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DSANITIZE=ON -DSIMDJSON_DIR="$SIMDJSON_DIR" \
      -DWARNINGS_AS_ERRORS="$(WERROR="${WERROR:-1}" werror)" >/dev/null
    cmake --build "$BUILD/native-asan" -j "$JOBS" $(targets "$@")
    ;;
  wasm)
    export NODE_PATH=/usr/share/nodejs   # emscripten's JS optimizer needs Debian's acorn
    emcmake cmake -S "$ROOT" -B "$BUILD/wasm" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DIMGUI_WASM_DIR="$IMGUI_WASM_DIR" -DSDL2_WASM_DIR="$SDL2_WASM_DIR" -DSITE_DIR="$BUILD/site" -DSIMDJSON_DIR="$SIMDJSON_DIR" \
      -DPDF_LIB_JS="$PDF_LIB_JS" -DZXING_WASM_DIST="$ZXING_WASM_DIST" -DPLAYWRIGHT_NODE_MODULES="$NODE_DIR/node_modules" -DWARNINGS_AS_ERRORS="$(werror)" >/dev/null
    cmake --build "$BUILD/wasm" -j "$JOBS"
    ;;
  *)
    echo "usage: tools/build.sh native|native-asan [target...] | wasm" >&2
    exit 2
    ;;
esac
