# The WebAssembly app: ImGui + SDL2 (prebuilt in the cache by tools/deps.sh),
# subset fonts and translations embedded, the site assembled in build/site.
if(NOT IMGUI_WASM_DIR OR NOT SDL2_WASM_DIR)
  message(FATAL_ERROR "pass -DIMGUI_WASM_DIR and -DSDL2_WASM_DIR (tools/build.sh does, from tools/deps.sh --print)")
endif()
set(SITE_DIR "${CMAKE_BINARY_DIR}/site" CACHE PATH "where the built site is assembled")
set(PDF_LIB_JS "" CACHE FILEPATH "pdf-lib's browser bundle (npm, via tools/deps.sh)")
if(NOT EXISTS "${PDF_LIB_JS}")
  message(FATAL_ERROR "pdf-lib is missing (${PDF_LIB_JS}): run tools/deps.sh")
endif()
# The camera's barcode decoder: ZXing-C++'s reader as WebAssembly (npm
# zxing-wasm, via tools/deps.sh), served as scanner.js + scanner.wasm and
# loaded by web/scanner-worker.js only when the camera opens.
set(ZXING_WASM_DIST "" CACHE PATH "zxing-wasm's dist directory (npm, via tools/deps.sh)")
set(SCANNER_JS "${ZXING_WASM_DIST}/iife/reader/index.js")
set(SCANNER_WASM "${ZXING_WASM_DIST}/reader/zxing_reader.wasm")
if(NOT EXISTS "${SCANNER_JS}" OR NOT EXISTS "${SCANNER_WASM}")
  message(FATAL_ERROR "zxing-wasm is missing (${ZXING_WASM_DIST}): run tools/deps.sh")
endif()

add_library(imgui STATIC IMPORTED)
set_target_properties(imgui PROPERTIES
  IMPORTED_LOCATION "${IMGUI_WASM_DIR}/lib/libimgui.a"
  INTERFACE_INCLUDE_DIRECTORIES "${IMGUI_WASM_DIR}/include"
  INTERFACE_COMPILE_DEFINITIONS "IMGUI_IMPL_OPENGL_ES3;IMGUI_DISABLE_OBSOLETE_FUNCTIONS")
add_library(sdl2 STATIC IMPORTED)
set_target_properties(sdl2 PROPERTIES
  IMPORTED_LOCATION "${SDL2_WASM_DIR}/lib/libSDL2.a"
  INTERFACE_INCLUDE_DIRECTORIES "${SDL2_WASM_DIR}/include/SDL2")

# --- Fonts: subset at build time from Debian's font packages ---------------
# Latin + Cyrillic (product names, addresses) from Noto Sans; the Chinese
# characters the UI strings use from Droid Sans Fallback (4 MB -> a few KB);
# the few symbols neither has (arrows, check marks, status dots) from DejaVu.
set(FONT_LATIN_SOURCE "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")
set(FONT_CJK_SOURCE "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
set(FONT_SYMBOLS_SOURCE "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
set(FONT_DIR "${CMAKE_BINARY_DIR}/fonts")
set(LATIN_UNICODES "U+0020-007E,U+00A0-017F,U+0400-045F,U+0490-0491,U+2010-2027,U+2030-203A,U+2116,U+20AC,U+20BD,U+2212")
# ui/fonts.cpp loads whatever this subset holds in U+2190-27BF.
set(SYMBOL_UNICODES "U+2190-2193,U+25B2,U+25BC,U+25CB,U+25CF,U+2713,U+2715")
add_custom_command(
  OUTPUT "${FONT_DIR}/ui-latin-cyrillic.ttf"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${FONT_DIR}"
  COMMAND /usr/bin/python3 -m fontTools.subset "${FONT_LATIN_SOURCE}" --unicodes=${LATIN_UNICODES}
          --no-hinting --layout-features= --output-file=${FONT_DIR}/ui-latin-cyrillic.ttf
  DEPENDS "${FONT_LATIN_SOURCE}"
  COMMENT "Subsetting the Latin + Cyrillic font")
# The Chinese UI strings' characters, in two parts: those the first screens
# draw (ui-cjk.ttf, fetched with lang-zh.json before the first frame) and
# the rest (ui-cjk-rest.ttf, fetched after it). assets/i18n/zh-first-screens.txt
# says which strings are first.
set(ZH_FIRST_KEYS "${CMAKE_SOURCE_DIR}/assets/i18n/zh-first-screens.txt")
add_custom_command(
  OUTPUT "${FONT_DIR}/ui-cjk.ttf" "${FONT_DIR}/ui-cjk-rest.ttf"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${FONT_DIR}"
  COMMAND Python3::Interpreter "${CMAKE_SOURCE_DIR}/tools/zh_font_parts.py" --strings "${CMAKE_SOURCE_DIR}/assets/i18n/zh.json"
          --first-keys "${ZH_FIRST_KEYS}" --first "${FONT_DIR}/cjk-first.txt" --rest "${FONT_DIR}/cjk-rest.txt"
  COMMAND /usr/bin/python3 -m fontTools.subset "${FONT_CJK_SOURCE}" --text-file=${FONT_DIR}/cjk-first.txt
          --no-hinting --layout-features= --output-file=${FONT_DIR}/ui-cjk.ttf
  COMMAND /usr/bin/python3 -m fontTools.subset "${FONT_CJK_SOURCE}" --text-file=${FONT_DIR}/cjk-rest.txt
          --no-hinting --layout-features= --output-file=${FONT_DIR}/ui-cjk-rest.ttf
  DEPENDS "${FONT_CJK_SOURCE}" "${CMAKE_SOURCE_DIR}/assets/i18n/zh.json" "${ZH_FIRST_KEYS}"
          "${CMAKE_SOURCE_DIR}/tools/zh_font_parts.py"
  COMMENT "Subsetting the Chinese font to the characters of the UI strings, first screens apart")
add_custom_command(
  OUTPUT "${FONT_DIR}/ui-symbols.ttf"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${FONT_DIR}"
  COMMAND /usr/bin/python3 -m fontTools.subset "${FONT_SYMBOLS_SOURCE}" --unicodes=${SYMBOL_UNICODES}
          --no-hinting --layout-features= --output-file=${FONT_DIR}/ui-symbols.ttf
  DEPENDS "${FONT_SYMBOLS_SOURCE}"
  COMMENT "Subsetting the symbols font")
# Typed Chinese and Chinese data need more than the UI strings: GB2312 and
# the kana (about 1 MB, 0.55 MB gzipped), served beside the app, fetched the
# first time a character is missing, and only the characters met are added
# to the atlas (ui/fonts.cpp). Not embedded: the first load stays small.
add_custom_command(
  OUTPUT "${FONT_DIR}/ui-cjk-extra.ttf"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${FONT_DIR}"
  COMMAND Python3::Interpreter "${CMAKE_SOURCE_DIR}/tools/cjk_charset.py" --output "${FONT_DIR}/cjk-extra.txt"
  COMMAND /usr/bin/python3 -m fontTools.subset "${FONT_CJK_SOURCE}" --text-file=${FONT_DIR}/cjk-extra.txt
          --no-hinting --layout-features= --output-file=${FONT_DIR}/ui-cjk-extra.ttf
  DEPENDS "${FONT_CJK_SOURCE}" "${CMAKE_SOURCE_DIR}/tools/cjk_charset.py"
  COMMENT "Subsetting the larger Chinese font (GB2312, kana)")
# English and Russian name Chinese in its own script ("中文"): those few
# characters are embedded; the UI strings' Chinese font (ui-cjk.ttf and
# ui-cjk-rest.ttf, ~60 KB gzip) is served beside lang-zh.json.
add_custom_command(
  OUTPUT "${FONT_DIR}/ui-cjk-names.ttf"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${FONT_DIR}"
  COMMAND /usr/bin/python3 -m fontTools.subset "${FONT_CJK_SOURCE}" --text-file=${CMAKE_SOURCE_DIR}/assets/i18n/en.json
          --text-file=${CMAKE_SOURCE_DIR}/assets/i18n/ru.json
          --no-hinting --layout-features= --output-file=${FONT_DIR}/ui-cjk-names.ttf
  DEPENDS "${FONT_CJK_SOURCE}" "${CMAKE_SOURCE_DIR}/assets/i18n/en.json" "${CMAKE_SOURCE_DIR}/assets/i18n/ru.json"
  COMMENT "Subsetting the Chinese font to the characters English and Russian use")
set(UI_FONTS "${FONT_DIR}/ui-latin-cyrillic.ttf" "${FONT_DIR}/ui-cjk.ttf" "${FONT_DIR}/ui-cjk-rest.ttf"
    "${FONT_DIR}/ui-symbols.ttf")
set(EMBEDDED_FONTS "${FONT_DIR}/ui-latin-cyrillic.ttf" "${FONT_DIR}/ui-cjk-names.ttf" "${FONT_DIR}/ui-symbols.ttf")
# ImGui draws a glyph no font has as '?': every character of the UI strings,
# the UI sources and the demo store's data must be in one of the fonts.
file(GLOB GLYPH_CHECKED_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp src/app/*.cpp src/sandbox/*.cpp)
add_custom_command(
  OUTPUT "${FONT_DIR}/glyphs-checked.stamp"
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/tools/check_glyphs.py"
          --font "${FONT_DIR}/ui-latin-cyrillic.ttf" --font "${FONT_DIR}/ui-cjk.ttf" --font "${FONT_DIR}/ui-cjk-rest.ttf"
          --font "${FONT_DIR}/ui-symbols.ttf"
          --translations ${TRANSLATION_FILES} --sources ${GLYPH_CHECKED_SOURCES}
          --stamp "${FONT_DIR}/glyphs-checked.stamp"
  DEPENDS ${UI_FONTS} ${TRANSLATION_FILES} ${GLYPH_CHECKED_SOURCES} "${CMAKE_SOURCE_DIR}/tools/check_glyphs.py"
  COMMENT "Checking that the fonts cover every character the UI draws")
add_custom_command(
  OUTPUT "${GENERATED_DIR}/embedded_fonts.cpp"
  COMMAND Python3::Interpreter "${CMAKE_SOURCE_DIR}/tools/embed_assets.py"
          --symbol kFontAssets --output "${GENERATED_DIR}/embedded_fonts.cpp" ${EMBEDDED_FONTS}
  DEPENDS ${EMBEDDED_FONTS} "${FONT_DIR}/glyphs-checked.stamp" "${CMAKE_SOURCE_DIR}/tools/embed_assets.py"
          "${CMAKE_SOURCE_DIR}/tools/generated_file.py"
  COMMENT "Embedding fonts")

# --- The app ------------------------------------------------------------------
file(GLOB_RECURSE APP_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp src/platform/*.cpp)
add_executable(app src/main.cpp ${APP_SOURCES} "${GENERATED_DIR}/embedded_fonts.cpp")
target_link_libraries(app PRIVATE console_domain imgui sdl2)
target_compile_options(app PRIVATE ${WARNINGS})
set(EXPORTED_FUNCTIONS "_main,_sc_frames_drawn,_sc_timer_tasks_run,_sc_snapshot_json,_sc_item_rect,_sc_request_redraw,_sc_request_done,_sc_on_portal_message,_sc_on_paste,_sc_bench_parse_postings,_sc_bench_last_count,_sc_bench_load_postings,_sc_bench_load_stock,_sc_bench_grow_demo,_sc_bench_frame_times,_sc_bench_heap_bytes,_sc_bench_heap_in_use,_sc_store_done,_sc_store_record,_sc_set_update_available,_sc_set_online,_sc_set_storage_info,_sc_storage_mode,_sc_page_hidden,_sc_file_picked,_sc_bench_storage,_sc_notification_permission,_sc_notification_clicked,_sc_translator_probed,_sc_translation_done,_sc_language_detected,_sc_text_event,_sc_font_file_loaded,_sc_picture_loaded,_sc_picture_cache_answer,_sc_camera_code,_sc_camera_state,_sc_language_pack,_sc_recorder_state,_sc_recorder_listed,_malloc,_free")
target_link_options(app PRIVATE
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sENVIRONMENT=web -sMODULARIZE=1 -sEXPORT_NAME=createSellerConsole
  -sDYNAMIC_EXECUTION=0 -sFILESYSTEM=0
  -sEXPORTED_FUNCTIONS=${EXPORTED_FUNCTIONS}
  -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString,stringToUTF8,lengthBytesUTF8
  -sINCOMING_MODULE_JS_API=canvas,preinitializedWebGLContext,instantiateWasm,loadSplitModule,onAbort,print,printErr,locateFile,preRun,arguments
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_PREINITIALIZED_CONTEXT=1
  -sASSERTIONS=0 -Oz)
# The first load is the code the console runs as it starts; the rest comes
# after the first frame (tools/split_app.py, Module.loadSplitModule in
# shell/boot.js). -sSPLIT_MODULE: app.wasm.orig is the module, app.wasm the
# same instrumented to record which functions run; the placeholders' glue is
# in app.js. (Emscripten 3.1.6 calls the setting experimental.)
target_link_options(app PRIVATE -sSPLIT_MODULE=1 -Wno-experimental)
set(PLAYWRIGHT_NODE_MODULES "" CACHE PATH "node_modules with playwright-core (tools/deps.sh), for tools/split_app.py")
if(NOT EXISTS "${PLAYWRIGHT_NODE_MODULES}/playwright-core")
  message(FATAL_ERROR "playwright-core is missing (${PLAYWRIGHT_NODE_MODULES}): run tools/deps.sh")
endif()
set_target_properties(app PROPERTIES OUTPUT_NAME "app" SUFFIX ".js")
# -DAPP_PROFILING=ON keeps function names in app.wasm, for CPU profiles.
option(APP_PROFILING "keep function names in app.wasm for profiling" OFF)
if(APP_PROFILING)
  target_link_options(app PRIVATE --profiling-funcs)
endif()

# English + the Latin fonts are compiled in; release builds get -Oz everywhere
# (-Os -> -Oz at link alone: 611.0 -> 605.9 KB gzip).
# Link-time optimisation across our code and no RTTI (App::feature<T> finds a
# feature by its id): measured 774 -> 737 KB gzip for LTO, -11 KB for RTTI.
# -finline-functions: Emscripten 3.1.6 turns -Oz into -Oz -fno-inline-functions,
# which marks every function noinline (even a string's size()); -Oz alone inlines
# only what shrinks. Measured: app.wasm 1,527,010 -> 1,453,018 B, 656.1 -> 634.7 KB
# gzip. (ImGui, cmake/imgui-wasm, is smallest at plain -Os: +13 KB gzip with it.)
set(WASM_SIZE -Oz -finline-functions -flto -fno-rtti ${WASM_VFE})
target_compile_options(console_domain PRIVATE ${WASM_SIZE})
target_compile_options(app PRIVATE ${WASM_SIZE})
target_link_options(app PRIVATE -flto)
# Code reachable only through tables, never run by the console, wrapped so the
# linker drops it (see src/platform/link_cuts.cpp): SDL's software blitters,
# SDL's game controllers, the GL entry points by name, fullscreen and pointer
# lock, and ImGui's built-in font.
target_link_options(app PRIVATE -Wl,--wrap=SDL_ConvertSurfaceFormat -Wl,--wrap=SDL_GameControllerOpen
                    -Wl,--wrap=eglGetProcAddress -Wl,--wrap=_ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig
                    -Wl,--wrap=emscripten_request_fullscreen_strategy -Wl,--wrap=emscripten_exit_fullscreen
                    -Wl,--wrap=emscripten_set_fullscreenchange_callback_on_thread
                    -Wl,--wrap=emscripten_request_pointerlock -Wl,--wrap=emscripten_exit_pointerlock
                    -Wl,--wrap=emscripten_set_pointerlockchange_callback_on_thread)

# --- The demo store: its marketplace in a worker of its own -----------------
# web/demo-worker.js loads it the first time a demo store is opened; the
# console's module links none of src/sandbox (85 KB gzip of app.wasm).
add_executable(demo src/demo_worker/demo_worker.cpp)
target_link_libraries(demo PRIVATE console_domain)
target_compile_options(demo PRIVATE ${WARNINGS} -Os -flto -fno-rtti ${WASM_VFE})
target_link_options(demo PRIVATE
  --no-entry -sENVIRONMENT=worker -sMODULARIZE=1 -sEXPORT_NAME=createDemoStore
  -sALLOW_MEMORY_GROWTH=1 -sDYNAMIC_EXECUTION=0 -sFILESYSTEM=0
  -sEXPORTED_FUNCTIONS=_demo_handle,_demo_reply_status,_demo_reply_type,_demo_reply_body,_demo_reply_length,_demo_grow,_malloc,_free
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
  -sINCOMING_MODULE_JS_API=locateFile,onAbort,print,printErr
  -sASSERTIONS=0 -Os -flto)
set_target_properties(demo PROPERTIES OUTPUT_NAME "demo" SUFFIX ".js")

# --- The site: shell page, PWA files, the app --------------------------------
file(GLOB SHELL_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/shell/*")
file(GLOB WEB_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*")
# web/sw.js is a template: the site gets it with the build version baked in.
set(SW_TEMPLATE "${CMAKE_SOURCE_DIR}/web/sw.js")
set(WEB_COPIED ${WEB_FILES})
list(REMOVE_ITEM WEB_COPIED "${SW_TEMPLATE}")
# The manifest's PNG icons are drawn at build time (nothing binary committed).
set(ICON_DIR "${CMAKE_BINARY_DIR}/icons")
set(ICON_FILES "${ICON_DIR}/icon-192.png" "${ICON_DIR}/icon-512.png" "${ICON_DIR}/icon-maskable-512.png")
add_custom_command(
  OUTPUT ${ICON_FILES}
  COMMAND Python3::Interpreter "${CMAKE_SOURCE_DIR}/tools/make_icons.py" --output-dir "${ICON_DIR}"
  DEPENDS "${CMAKE_SOURCE_DIR}/tools/make_icons.py"
  COMMENT "Drawing the app icons")
# The demo store's product pictures, drawn at build time into the site (the
# service worker caches them as product pictures, not as the app shell).
add_custom_command(
  OUTPUT "${SITE_DIR}/demo-images/.drawn"
  COMMAND Python3::Interpreter "${CMAKE_SOURCE_DIR}/tools/make_demo_pictures.py"
          --output-dir "${SITE_DIR}/demo-images" --stamp "${SITE_DIR}/demo-images/.drawn"
  DEPENDS "${CMAKE_SOURCE_DIR}/tools/make_demo_pictures.py"
  COMMENT "Drawing the demo store's product pictures")
add_custom_target(demo_pictures ALL DEPENDS "${SITE_DIR}/demo-images/.drawn")
# Re-assembled whenever the app or any shell/PWA file changes. The version in
# site-info.js hashes every file the service worker precaches, so any change
# to one of them is a new version (and a new sw.js).
# The big files (the first load's and the lazily loaded ones) get .gz and .br
# copies beside them, which serve.py sends to clients that accept them.
set(PRECOMPRESSED_FILES
  "${SITE_DIR}/app.wasm" "${SITE_DIR}/app.deferred.wasm" "${SITE_DIR}/app.js" "${SITE_DIR}/index.html"
  "${SITE_DIR}/lang-ru.json" "${SITE_DIR}/lang-zh.json" "${SITE_DIR}/ui-cjk.ttf" "${SITE_DIR}/ui-cjk-rest.ttf"
  "${SITE_DIR}/ui-cjk-extra.ttf"
  "${SITE_DIR}/demo.wasm" "${SITE_DIR}/demo.js" "${SITE_DIR}/scanner.wasm" "${SITE_DIR}/scanner.js"
  "${SITE_DIR}/pdf-lib.min.js")
# The site's version (site-info.js, inlined in index.html with boot.js; sw.js)
# is written twice: for the instrumented app.wasm the split starts (a whole
# site, service worker included), then for the two modules the site serves.
set(SITE_INFO_JS "${CMAKE_CURRENT_BINARY_DIR}/site-info.js")
set(SITE_INFO_COMMAND Python3::Interpreter "${CMAKE_SOURCE_DIR}/tools/site_info.py" --output "${SITE_INFO_JS}"
    --version "${PROJECT_VERSION}" --i18n-dir "${CMAKE_SOURCE_DIR}/assets/i18n"
    "${SITE_DIR}/app.js" "${SITE_DIR}/app.wasm" "${SITE_DIR}/app.deferred.wasm" "${SITE_DIR}/demo.js" "${SITE_DIR}/demo.wasm"
    ${SHELL_FILES} ${WEB_FILES} ${ICON_FILES} "${SITE_DIR}/pdf-lib.min.js"
    "${SITE_DIR}/ui-cjk-extra.ttf" "${SITE_DIR}/ui-cjk.ttf" "${SITE_DIR}/ui-cjk-rest.ttf" "${SITE_DIR}/lang-ru.json" "${SITE_DIR}/lang-zh.json"
    "${SITE_DIR}/scanner.js" "${SITE_DIR}/scanner.wasm")
set(PAGE_COMMAND Python3::Interpreter "${CMAKE_SOURCE_DIR}/tools/inline_page.py"
    --template "${CMAKE_SOURCE_DIR}/shell/index.html" --output "${SITE_DIR}/index.html"
    "${SITE_INFO_JS}" "${CMAKE_SOURCE_DIR}/shell/boot.js")
set(BAKE_SW_COMMAND Python3::Interpreter "${CMAKE_SOURCE_DIR}/tools/bake_sw.py" --site-info "${SITE_INFO_JS}"
    --template "${SW_TEMPLATE}" --output "${SITE_DIR}/sw.js")
add_custom_command(
  OUTPUT "${SITE_DIR}/.assembled"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${SITE_DIR}"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "$<TARGET_FILE_DIR:app>/app.js" "${SITE_DIR}/"
  # Until split: the instrumented app.wasm, and no deferred code (an empty file).
  COMMAND ${CMAKE_COMMAND} -E copy "$<TARGET_FILE_DIR:app>/app.wasm" "${SITE_DIR}/"
  COMMAND ${CMAKE_COMMAND} -E rm -f "${SITE_DIR}/app.deferred.wasm"
  COMMAND ${CMAKE_COMMAND} -E touch "${SITE_DIR}/app.deferred.wasm"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "$<TARGET_FILE_DIR:demo>/demo.js" "$<TARGET_FILE_DIR:demo>/demo.wasm" "${SITE_DIR}/"
  # Files an earlier build served, now inlined in index.html (tools/inline_page.py).
  COMMAND ${CMAKE_COMMAND} -E rm -f "${SITE_DIR}/boot.js" "${SITE_DIR}/boot.js.br" "${SITE_DIR}/boot.js.gz" "${SITE_DIR}/site-info.js"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${WEB_COPIED} ${ICON_FILES} "${SITE_DIR}/"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "${PDF_LIB_JS}" "${SITE_DIR}/pdf-lib.min.js"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "${SCANNER_JS}" "${SITE_DIR}/scanner.js"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "${SCANNER_WASM}" "${SITE_DIR}/scanner.wasm"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "${FONT_DIR}/ui-cjk-extra.ttf" "${FONT_DIR}/ui-cjk.ttf"
          "${FONT_DIR}/ui-cjk-rest.ttf" "${SITE_DIR}/"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "${CMAKE_SOURCE_DIR}/assets/i18n/ru.json" "${SITE_DIR}/lang-ru.json"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "${CMAKE_SOURCE_DIR}/assets/i18n/zh.json" "${SITE_DIR}/lang-zh.json"
  COMMAND ${SITE_INFO_COMMAND}
  COMMAND ${PAGE_COMMAND}
  COMMAND ${BAKE_SW_COMMAND}
  COMMAND Python3::Interpreter "${CMAKE_SOURCE_DIR}/tools/split_app.py" --site "${SITE_DIR}"
          --original "$<TARGET_FILE_DIR:app>/app.wasm.orig"
          --node-modules "${PLAYWRIGHT_NODE_MODULES}" $<$<BOOL:${APP_PROFILING}>:--keep-names>
  COMMAND ${SITE_INFO_COMMAND}
  COMMAND ${PAGE_COMMAND}
  COMMAND ${BAKE_SW_COMMAND}
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/tools/precompress.py" ${PRECOMPRESSED_FILES}
  COMMAND ${CMAKE_COMMAND} -E touch "${SITE_DIR}/.assembled"
  DEPENDS app demo ${SHELL_FILES} ${WEB_FILES} ${ICON_FILES} ${TRANSLATION_FILES} "${PDF_LIB_JS}" "${FONT_DIR}/ui-cjk-extra.ttf"
          "${FONT_DIR}/ui-cjk.ttf" "${FONT_DIR}/ui-cjk-rest.ttf"
          "${SCANNER_JS}" "${SCANNER_WASM}"
          "${CMAKE_SOURCE_DIR}/tools/site_info.py" "${CMAKE_SOURCE_DIR}/tools/inline_page.py" "${CMAKE_SOURCE_DIR}/tools/bake_sw.py"
          "${CMAKE_SOURCE_DIR}/tools/precompress.py" "${CMAKE_SOURCE_DIR}/tools/split_app.py"
          "${CMAKE_SOURCE_DIR}/tools/startup_profile.mjs" "${CMAKE_SOURCE_DIR}/serve.py"
          "${SITE_DIR}/demo-images/.drawn"  # the split's starts show the demo store's pictures
  COMMENT "Assembling the site in ${SITE_DIR} (app.wasm split by a start in headless Chromium)")
add_custom_target(site ALL DEPENDS "${SITE_DIR}/.assembled")
# portals.json: the seller portals allowed to embed the console, from the
# environment of the build (CONSOLE_PORTALS="https://portal.example ...";
# tools/write_portals.py). An environment change is no file change, so this
# runs on every build; the script rewrites the file only when the list changed.
# Not part of the precached shell: the console fetches it fresh at start.
add_custom_target(portals ALL
  COMMAND Python3::Interpreter "${CMAKE_SOURCE_DIR}/tools/write_portals.py" --output "${SITE_DIR}/portals.json"
  COMMENT "Writing portals.json (CONSOLE_PORTALS)")
