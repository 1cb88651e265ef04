#!/usr/bin/env bash
# Installs everything the build and the tests need, on a fresh Debian 12 machine.
# Idempotent: a second run only checks. Third-party code lands in the cache
# directory outside the work tree, keyed by version, never in the repository.
#
#   tools/deps.sh            apt packages, ImGui + SDL2 (WASM builds), fonts, npm tools
#   tools/deps.sh --print    print the cache paths (sourced by the other scripts)
set -euo pipefail

CACHE="${OZON_CONSOLE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ozon-seller-console}"
IMGUI_VERSION="1.90.1+ds-1"     # Debian trixie source package (bookworm has 1.86)
SDL2_VERSION="2.26.5+dfsg-1"     # Debian bookworm source package
PLAYWRIGHT_VERSION="1.64.1"
PDF_LIB_VERSION="1.17.1"          # merges label PDFs in the browser (loaded only when printing)
# Camera scanning: ZXing-C++ 2.3's reader compiled to WebAssembly (loaded only
# when the camera opens). Debian's zxing-cpp source package cannot be fetched
# on these machines (its tarballs are not served), so the npm build it is.
ZXING_WASM_VERSION="2.2.4"
# Posting lists (the big replies, and the offline copy read at start) are
# parsed with simdjson's On Demand API: in WebAssembly it is ~10x faster than
# nlohmann/json's DOM (bench_parsers, web_bench). Debian bookworm source package.
SIMDJSON_VERSION="3.0.1-1"

IMGUI_DIR="$CACHE/imgui-${IMGUI_VERSION}"
SDL2_SRC_DIR="$CACHE/sdl2-src-${SDL2_VERSION}"
SIMDJSON_DIR="$CACHE/simdjson-${SIMDJSON_VERSION}"
# SDL2 is built with only what the console uses (video + events, built for
# size); the directory is keyed by these options, so changing them rebuilds it.
SDL2_OPTIONS="-DCMAKE_BUILD_TYPE=MinSizeRel -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
-DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_SENSOR=OFF -DSDL_RENDER=OFF \
-DSDL_POWER=OFF -DSDL_HIDAPI=OFF -DSDL_FILESYSTEM=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF \
-DSDL_THREADS=OFF -DSDL_PTHREADS=OFF -DSDL_DUMMYVIDEO=OFF -DSDL_OFFSCREEN=OFF"
SDL2_WASM_DIR="$CACHE/sdl2-wasm-${SDL2_VERSION}-$(echo "$SDL2_OPTIONS" | sha256sum | cut -c1-12)"
NODE_DIR="$CACHE/node-playwright-${PLAYWRIGHT_VERSION}"
WEB_VENDOR_DIR="$CACHE/web-pdf-lib-${PDF_LIB_VERSION}"
ZXING_WASM_DIR="$CACHE/web-zxing-wasm-${ZXING_WASM_VERSION}"
# The ImGui build is keyed by its version and by our build recipe for it.
SCRIPT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMGUI_RECIPE="$SCRIPT_ROOT/cmake/imgui-wasm/CMakeLists.txt"
IMGUI_RECIPE_HASH=$(sha256sum "$IMGUI_RECIPE" | cut -c1-12)
IMGUI_WASM_DIR="$CACHE/imgui-wasm-${IMGUI_VERSION}-${IMGUI_RECIPE_HASH}-$(basename "$SDL2_WASM_DIR")"

if [[ "${1:-}" == "--print" ]]; then
  echo "CACHE=$CACHE"
  echo "IMGUI_DIR=$IMGUI_DIR"
  echo "SIMDJSON_DIR=$SIMDJSON_DIR"
  echo "SDL2_WASM_DIR=$SDL2_WASM_DIR"
  echo "IMGUI_WASM_DIR=$IMGUI_WASM_DIR"
  echo "NODE_DIR=$NODE_DIR"
  echo "PDF_LIB_JS=$WEB_VENDOR_DIR/node_modules/pdf-lib/dist/pdf-lib.min.js"
  echo "ZXING_WASM_DIST=$ZXING_WASM_DIR/node_modules/zxing-wasm/dist"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
log() { printf '[deps] %s\n' "$*" >&2; }

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  emscripten nodejs npm
  nlohmann-json3-dev doctest-dev
  python3 python3-fonttools python3-brotli
  fonts-noto-core fonts-droid-fallback fonts-dejavu-core
  dpkg-dev xz-utils
  chromium
  zint
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node may come from elsewhere (e.g. a newer build on PATH): that is fine.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi
if (( ${#missing[@]} )); then
  log "installing apt packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

mkdir -p "$CACHE"
# One installer at a time: a second run waits instead of deleting the first's work.
exec 9>"$CACHE/.deps.lock"
flock 9

# --- Debian source packages, through a private apt configuration -----------
# The deb-src lines are derived from the system's own apt sources, so no
# archive host is written in this repository.
APT_PRIVATE="$CACHE/apt-src"
apt_src() {
  apt-get -o Dir::Etc::SourceList=/dev/null \
          -o Dir::Etc::SourceParts="$APT_PRIVATE/sources.list.d" \
          -o Dir::State::Lists="$APT_PRIVATE/lists" \
          -o Dir::Cache::archives="$APT_PRIVATE/archives" \
          -o Dir::Cache="$APT_PRIVATE/cache" \
          -o APT::Sandbox::User=root "$@"
}
prepare_private_apt() {
  [[ -f "$APT_PRIVATE/.ready" ]] && return
  log "preparing deb-src configuration (bookworm + trixie) from the system's apt sources"
  mkdir -p "$APT_PRIVATE/sources.list.d" "$APT_PRIVATE/lists/partial" "$APT_PRIVATE/archives/partial" "$APT_PRIVATE/cache"
  local src
  src=$(ls /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1 || true)
  local uri
  if [[ -n "$src" ]]; then
    uri=$(awk '/^URIs:/ {print $2; exit}' "$src")
  else
    uri=$(awk '$1=="deb" && $0 !~ /security/ {print $2; exit}' /etc/apt/sources.list)
  fi
  [[ -n "$uri" ]] || { log "cannot find a Debian archive in the apt configuration"; exit 1; }
  cat > "$APT_PRIVATE/sources.list.d/src.sources" <<SRC
Types: deb-src
URIs: $uri
Suites: bookworm trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt_src update -qq >&2
  touch "$APT_PRIVATE/.ready"
}
fetch_source() { # name version destdir
  local name=$1 version=$2 dest=$3
  [[ -f "$dest/.ready" ]] && return
  prepare_private_apt
  local work="$CACHE/tmp-src-$name"
  rm -rf "$work" "$dest"; mkdir -p "$work"
  log "fetching Debian source package $name=$version"
  (cd "$work" && apt_src source --download-only -qq "$name=$version" >&2)
  (cd "$work" && dpkg-source --no-check -x ./*.dsc extracted >&2)
  mv "$work/extracted" "$dest"
  rm -rf "$work"
  touch "$dest/.ready"
}

fetch_source imgui "$IMGUI_VERSION" "$IMGUI_DIR"
fetch_source libsdl2 "$SDL2_VERSION" "$SDL2_SRC_DIR"
fetch_source simdjson "$SIMDJSON_VERSION" "$SIMDJSON_DIR"

# --- SDL2 built for WebAssembly (cached; 1-3 minutes from nothing) --------
export NODE_PATH=/usr/share/nodejs
if [[ ! -f "$SDL2_WASM_DIR/.ready" ]]; then
  log "building SDL2 for WebAssembly (once per version)"
  rm -rf "$SDL2_WASM_DIR" "$CACHE/tmp-sdl2-build"
  # shellcheck disable=SC2086  # the options are words
  emcmake cmake -S "$SDL2_SRC_DIR" -B "$CACHE/tmp-sdl2-build" -G Ninja $SDL2_OPTIONS \
    -DCMAKE_INSTALL_PREFIX="$SDL2_WASM_DIR" >&2
  cmake --build "$CACHE/tmp-sdl2-build" >&2
  cmake --install "$CACHE/tmp-sdl2-build" >&2
  rm -rf "$CACHE/tmp-sdl2-build"
  touch "$SDL2_WASM_DIR/.ready"
fi

# --- Dear ImGui built for WebAssembly (cached; under a minute) -----------
if [[ ! -f "$IMGUI_WASM_DIR/.ready" ]]; then
  log "building Dear ImGui for WebAssembly (once per version)"
  rm -rf "$IMGUI_WASM_DIR" "$CACHE/tmp-imgui-build"
  emcmake cmake -S "$SCRIPT_ROOT/cmake/imgui-wasm" -B "$CACHE/tmp-imgui-build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release -DIMGUI_SRC="$IMGUI_DIR" -DSDL2_PREFIX="$SDL2_WASM_DIR" \
    -DCMAKE_INSTALL_PREFIX="$IMGUI_WASM_DIR" >&2
  cmake --build "$CACHE/tmp-imgui-build" >&2
  cmake --install "$CACHE/tmp-imgui-build" >&2
  rm -rf "$CACHE/tmp-imgui-build"
  touch "$IMGUI_WASM_DIR/.ready"
fi

# --- npm packages (outside the work tree), each in its own versioned directory --
npm_install_into() { # dir package@version why
  local dir=$1 package=$2 why=$3
  [[ -f "$dir/.ready" ]] && return
  log "installing $package ($why)"
  mkdir -p "$dir"
  (cd "$dir" && echo '{"name":"seller-console-vendor","private":true}' > package.json \
     && npm install --no-audit --no-fund --loglevel=error "$package" >&2)
  touch "$dir/.ready"
}
npm_install_into "$NODE_DIR" "playwright-core@$PLAYWRIGHT_VERSION" "the browser tests"
npm_install_into "$WEB_VENDOR_DIR" "pdf-lib@$PDF_LIB_VERSION" "merges label PDFs on the site"
npm_install_into "$ZXING_WASM_DIR" "zxing-wasm@$ZXING_WASM_VERSION" "the camera's barcode decoder"
log "dependencies ready in $CACHE"
