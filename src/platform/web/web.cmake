# WebAssembly pages: the core, ImGui, the screens, the WebGL2 renderer and the web platform, linked
# twice: trash_page (requests go to serve.py) and trash_page_demo (requests are answered by the
# in-browser demo workspace, src/demo), so the serve.py page carries none of the demo's code. Then
# gathers the HTML shell, its JS and the subset fonts into build/web, a folder any static file
# server can host. Included for Emscripten builds only.
set(WEB_OUT "${CMAKE_SOURCE_DIR}/build/web" CACHE PATH "Where the servable page is assembled")
file(GLOB WEB_SOURCES CONFIGURE_DEPENDS
  "${CMAKE_SOURCE_DIR}/src/platform/web/*.cpp" "${CMAKE_SOURCE_DIR}/src/render/*.cpp")
list(FILTER WEB_SOURCES EXCLUDE REGEX "(web_backend_server|web_no_ini_sscanf|web_page_facts)\\.cpp$")
add_library(trash_web OBJECT ${WEB_SOURCES})
add_dependencies(trash_web embedded_shaders)
target_include_directories(trash_web PRIVATE "${CMAKE_BINARY_DIR}/generated")
target_link_libraries(trash_web PUBLIC trash_app)
target_compile_options(trash_web PRIVATE ${OWN_WARNINGS})

add_executable(trash_page "${CMAKE_SOURCE_DIR}/src/platform/web/web_backend_server.cpp")
target_link_libraries(trash_page PRIVATE trash_web)
set(WEB_PAGES trash_page)

# The demo page: the demo backend and its platform, seeded from the same fixture as serve.py.
if(TARGET trash_demo)
  set(DEMO_FIXTURE_HEADER "${CMAKE_BINARY_DIR}/generated/demo_fixture.h")
  add_custom_command(OUTPUT "${DEMO_FIXTURE_HEADER}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${DEMO_FIXTURE_HEADER} -DFIXTURE=${CMAKE_SOURCE_DIR}/assets/demo/workspace.json
            -P "${CMAKE_SOURCE_DIR}/src/platform/web/demo/embed_fixture.cmake"
    DEPENDS "${CMAKE_SOURCE_DIR}/assets/demo/workspace.json" "${CMAKE_SOURCE_DIR}/src/platform/web/demo/embed_fixture.cmake"
    COMMENT "Embedding the demo workspace fixture")
  file(GLOB DEMO_WEB_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/platform/web/demo/*.cpp")
  add_executable(trash_page_demo ${DEMO_WEB_SOURCES} "${DEMO_FIXTURE_HEADER}")
  target_include_directories(trash_page_demo PRIVATE "${CMAKE_BINARY_DIR}/generated")
  target_link_libraries(trash_page_demo PRIVATE trash_web trash_demo)
  list(APPEND WEB_PAGES trash_page_demo)
endif()

# The page runs without exception support (Emscripten's default: a throw aborts it), so nothing
# in it may need exceptions: our code and ImGui are compiled without them (and without RTTI),
# and JSON_NOEXCEPTION makes nlohmann abort where it would throw, so a missed check cannot hide
# behind a catch. Link-time optimisation and -Oz for size; the page has one thread, so function
# statics need no guards. Native builds keep exceptions: Catch2 needs them.
set(WEB_CODE_OPTIONS -fno-exceptions -fno-rtti -fno-threadsafe-statics -flto $<$<CONFIG:MinSizeRel>:-Oz>)
foreach(target imgui trash_core trash_ui trash_app trash_web ${WEB_PAGES})
  target_compile_options(${target} PRIVATE ${WEB_CODE_OPTIONS})
endforeach()
if(TARGET trash_demo)
  target_compile_options(trash_demo PRIVATE ${WEB_CODE_OPTIONS})
endif()
target_compile_definitions(third_party_headers INTERFACE JSON_NOEXCEPTION)
# ImGui's .ini readers (the only sscanf calls in imgui.cpp and imgui_tables.cpp) never run here:
# see web_no_ini_sscanf.cpp. Only those two files are redirected, so a widget that parses typed numbers
# (imgui_widgets.cpp) would still get the real sscanf.
set_property(SOURCE "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_tables.cpp" TARGET_DIRECTORY imgui
  APPEND PROPERTY COMPILE_DEFINITIONS sscanf=trash_imgui_ini_sscanf)
# Likewise the table functions imgui.cpp and imgui_widgets.cpp call whether or not a table is ever
# drawn (the page draws none: ui/grid): the tables' .ini handler ImGui::Initialize installs, the row
# end in the list clipper, the garbage collection of table buffers and Selectable's table background.
# No-ops stand in, so their code is not linked (the handler's writer and reader, TableEndRow: 1.4 KB).
set_property(SOURCE "${IMGUI_DIR}/imgui.cpp" TARGET_DIRECTORY imgui
  APPEND PROPERTY COMPILE_DEFINITIONS TableSettingsInstallHandler=trash_imgui_no_table_settings
  TableEndRow=trash_imgui_no_table_end_row TableGcCompactTransientBuffers=trash_imgui_no_table_compact
  TableGcCompactSettings=trash_imgui_no_table_compact_settings)
set_property(SOURCE "${IMGUI_DIR}/imgui_widgets.cpp" TARGET_DIRECTORY imgui
  APPEND PROPERTY COMPILE_DEFINITIONS TablePushBackgroundChannel=trash_imgui_no_table_background
  TablePopBackgroundChannel=trash_imgui_no_table_background)
# And ImGui's default colours, which ImGuiStyle's constructor sets: ui::ApplyStyle sets every
# colour from the page's palette (theme.cpp checks that its table lists them all). 0.7 KB gzip.
set_property(SOURCE "${IMGUI_DIR}/imgui.cpp" TARGET_DIRECTORY imgui
  APPEND PROPERTY COMPILE_DEFINITIONS StyleColorsDark=trash_imgui_no_default_colours)
# And two calls in imgui.cpp that never run here: End() closes legacy columns, which the page never
# begins (ui/grid lays out its own), and Render() draws ImGui's software cursor, which only
# io.MouseDrawCursor asks for (the page sets the browser's cursor). With the column functions behind
# EndColumns and the cursor shapes: 1.0 KB gzip.
set_property(SOURCE "${IMGUI_DIR}/imgui.cpp" TARGET_DIRECTORY imgui
  APPEND PROPERTY COMPILE_DEFINITIONS EndColumns=trash_imgui_no_columns_end
  RenderMouseCursor=trash_imgui_no_software_cursor)
# And the title bar's collapse and close buttons, which imgui.cpp draws only in a window's title bar:
# every window of the page has none (NoTitleBar or NoDecoration; popups, tooltips and child windows
# never do), and no tab or collapsing header uses them either.
set_property(SOURCE "${IMGUI_DIR}/imgui.cpp" TARGET_DIRECTORY imgui
  APPEND PROPERTY COMPILE_DEFINITIONS CollapseButton=trash_imgui_no_title_bar_button
  CloseButton=trash_imgui_no_title_bar_button)
# And, in imgui_widgets.cpp, the legacy columns' background (Selectable and Separator switch to it
# inside columns, which the page never begins; with the clip rectangle helper only it calls) and
# ImGui's text log (each widget logs what it draws while g.LogEnabled, which only LogBegin sets:
# nothing in the page calls it or the LogTo* functions that do). 0.2 KB gzip together.
set_property(SOURCE "${IMGUI_DIR}/imgui_widgets.cpp" TARGET_DIRECTORY imgui
  APPEND PROPERTY COMPILE_DEFINITIONS PushColumnsBackground=trash_imgui_no_columns_background
  PopColumnsBackground=trash_imgui_no_columns_background LogText=trash_imgui_no_log_text
  LogRenderedText=trash_imgui_no_rendered_text_log LogSetNextTextDecoration=trash_imgui_no_text_log_decoration)
target_sources(imgui PRIVATE "${CMAKE_SOURCE_DIR}/src/platform/web/web_no_ini_sscanf.cpp")
# Served JS is minified with Debian's terser by minify_shell.mjs (emcc -Oz only strips the glue's
# whitespace; closure is not usable here): local names shortened, dead code dropped, properties kept,
# so the shell's scripts still meet through window and the glue through Module. About 7 KB gzip off a
# first visit. The glue's top-level names are shortened too and its unused ones dropped (1.3 KB gzip
# more), after what of Emscripten's glue the page never runs is cut (its fallback instantiation and
# what only it reads, its exports on Module: 0.8 KB). terser needs NODE_PATH like emcc does.
find_program(NODE_PROGRAM node REQUIRED)
set(MINIFY_SHELL_SCRIPT "${CMAKE_SOURCE_DIR}/src/platform/web/minify_shell.mjs")
set(MINIFY_SHELL ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs ${NODE_PROGRAM} "${MINIFY_SHELL_SCRIPT}")
# The linked wasm's functions grouped by namespace, smallest first, so that similar code sits inside
# gzip's 32 KB window (order_wasm_functions.mjs; binaryen's wasm-dis and wasm-opt, which come with
# emcc, do the rewriting): 5.9 KB gzip, 1.8 KB brotli. Same code, same behaviour. wasm-opt writes it
# at -Oz, with binaryen's Stack IR optimisations, which wasm-as leaves out (0.6 KB gzip), after one
# more of the flattened rounds below (0.2 KB gzip).
find_program(WASM_DIS_PROGRAM wasm-dis REQUIRED)
find_program(WASM_OPT_PROGRAM wasm-opt REQUIRED)
set(ORDER_WASM ${NODE_PROGRAM} "${CMAKE_SOURCE_DIR}/src/platform/web/order_wasm_functions.mjs")
set(ORDER_WASM_TOOLS ${WASM_DIS_PROGRAM} ${WASM_OPT_PROGRAM}
  --mvp-features --enable-nontrapping-float-to-int --enable-bulk-memory --enable-sign-ext)
foreach(target ${WEB_PAGES})
  target_compile_options(${target} PRIVATE ${OWN_WARNINGS})
  # Linked again when minify_shell.mjs changes: it finishes the glue (below).
  set_target_properties(${target} PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${WEB_OUT}"
                        LINK_DEPENDS "${MINIFY_SHELL_SCRIPT}")
  target_link_options(${target} PRIVATE
    # No Emscripten GL library or html5.h events: the renderer has its own WebGL2 binding
    # (src/render/webgl2_binding.cpp) and the page its own listeners (web_input.cpp, web_touch.cpp).
    -sENVIRONMENT=web -sFETCH=1
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432 -sFILESYSTEM=0 -sASSERTIONS=0
    -sEXIT_RUNTIME=0 -sINCOMING_MODULE_JS_API=[instantiateWasm,onAbort]
    -sEXPORTED_FUNCTIONS=[_main,_malloc,_free]
    # Size: nothing throws or longjmps; emmalloc is ~5 KB smaller than dlmalloc; no errno or
    # TextDecoder fallback in the JS glue (WebGL2 browsers all have TextDecoder); emscripten_fetch
    # without its IndexedDB cache, which the page never asks for (it also held main() back until
    # the database had opened).
    -flto $<$<CONFIG:MinSizeRel>:-Oz> -sDISABLE_EXCEPTION_THROWING=1 -sSUPPORT_LONGJMP=0 -sMALLOC=emmalloc
    -sSUPPORT_ERRNO=0 -sTEXTDECODER=2 -sFETCH_SUPPORT_INDEXEDDB=0
    # A second -Oz round over flattened, re-relooped code after emcc's own -Oz: about 2 KB gzip;
    # then all of them again while the wasm still shrinks (--converge): 0.3 KB more. As passes of
    # emcc's own wasm-opt run (not a later step), so the symbol map stays true. Its inliner always
    # inlines functions of up to 4 binaryen size units (2 by default): an empty string's constructor,
    # a member's address, std::min/max, comparisons, about 370 of them, some called hundreds of times,
    # where a call costs as much as the body. 1.2 KB gzip (3 and 5 save less; past 5 the wasm grows).
    -sBINARYEN_EXTRA_PASSES=--flatten,--rereloop,-Oz,-Oz,--converge,--always-inline-max-function-size=4
    # Code generation (it happens here, under LTO) may use three wasm features every WebGL2 browser
    # has (Chrome 75, Firefox 79, Safari 15): saturating float-to-int (ImGui converts floats to
    # ints everywhere; without it each conversion carries range checks), memory.copy/fill and
    # sign extension. About 4 KB raw, 1.7 KB gzip.
    "SHELL:-Xlinker -mllvm -Xlinker -mattr=+nontrapping-fptoint,+bulk-memory,+sign-ext"
    # The wasm's function names, for tests/bench/size_by_module.mjs (the wasm itself carries none).
    --emit-symbol-map)
  # Kept beside the build, not in the servable folder. Then the JS glue is minified (see MINIFY_SHELL)
  # and the wasm's functions are ordered for the compressors (see ORDER_WASM).
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E rename "${WEB_OUT}/${target}.js.symbols" "${CMAKE_BINARY_DIR}/${target}.symbols"
    COMMAND ${MINIFY_SHELL} --glue "${WEB_OUT}/${target}.js"
    COMMAND ${ORDER_WASM} "${WEB_OUT}/${target}.wasm" "${CMAKE_BINARY_DIR}/${target}.symbols" ${ORDER_WASM_TOOLS})
endforeach()

# Precompressed copies beside each servable file: `.br` (brotli, what current browsers accept)
# and `.gz` (zopfli, about 5% smaller than gzip -9). serve.py, or nginx's gzip_static and
# brotli_static, send them as they are; a server that ignores them still serves the plain file.
# (--no-copy-stat: brotli would stamp the copy with the file's time cut to whole seconds, which
# makes it look older than the file, i.e. stale.)
function(precompress_commands out_var file)
  set(${out_var} COMMAND brotli --quality=11 --force --no-copy-stat "--output=${file}.br" "${file}"
                 COMMAND zopfli "${file}" PARENT_SCOPE)
endfunction()
foreach(target ${WEB_PAGES})
  precompress_commands(compress_wasm "${WEB_OUT}/${target}.wasm")
  precompress_commands(compress_js "${WEB_OUT}/${target}.js")
  add_custom_command(TARGET ${target} POST_BUILD ${compress_wasm} ${compress_js})
endforeach()

# The page facts (web_page_facts.cpp) that files outside the wasm need: the faces, code points and
# icon metrics the page describes its atlas with (web_fonts.cpp), and the address of the Trash's
# first page (requests::ListTrashFirstPage), printed by a small program built from the same C++ with
# the same emcc and run in node, so the fonts below and shell.js (minify_shell.mjs writes them into
# it) follow the C++ rather than keeping a copy of it. The browser tests read them too (atlas.mjs).
add_executable(trash_page_facts "${CMAKE_SOURCE_DIR}/src/platform/web/web_page_facts.cpp")
target_link_libraries(trash_page_facts PRIVATE trash_ui)
target_compile_options(trash_page_facts PRIVATE ${OWN_WARNINGS} ${WEB_CODE_OPTIONS})
target_link_options(trash_page_facts PRIVATE -sENVIRONMENT=node -sNODERAWFS=1)
set(PAGE_FACTS "${CMAKE_BINARY_DIR}/generated/page_facts.json")
add_custom_command(OUTPUT "${PAGE_FACTS}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/generated"
  COMMAND ${NODE_PROGRAM} --no-experimental-fetch "$<TARGET_FILE:trash_page_facts>" "${PAGE_FACTS}"
  DEPENDS trash_page_facts COMMENT "Writing the page facts")

# Fonts come from Debian's packages at build time, cut down to the glyphs the page uses, without
# hinting or layout tables, as WOFF2 (brotli inside: the browser unpacks and rasterises them for the
# page, web_fonts.cpp), so they get no precompressed copies. make_web_font.py also turns Inter's CFF
# outlines into TrueType ones (WOFF2 packs those tighter) and scales each em down to a quarter of
# its source's (Inter 2816 -> 704, Font Awesome 1792 -> 448 units): every advance width and the
# vertical metrics stay exact (Inter SemiBold's within 1/1408 em), about 4 KB off a first visit.
# The code points are the page's: ui::kTextRanges and ui::icon::kAll (theme.h), as web_page_facts.cpp
# writes them (below): "labels", the page's own words (ASCII and the punctuation it writes), in both
# Inter weights, so a first visit of an ASCII workspace downloads no other letters; "latinExtension",
# the rest of Latin-1 Supplement and Latin Extended-A (é, ñ, ß, ł, ...), in Regular only: shell.js
# downloads it when the page has text that needs it (trash::NeedsLatinExtension), and a bold title
# draws those letters from it, emboldened by the browser (web_fonts.cpp); "icons". shell.js registers
# each file with the same list as its FontFace's unicodeRange.
set(FONT_PY /usr/bin/python3)
set(FONT_OUTPUTS)
set(FONT_SCRIPT "${CMAKE_SOURCE_DIR}/src/platform/web/make_web_font.py")
foreach(font "Inter-Regular.woff2|/usr/share/fonts/opentype/inter/Inter-Regular.otf|labels|704"
             "Inter-Regular-LatinExt.woff2|/usr/share/fonts/opentype/inter/Inter-Regular.otf|latinExtension|704"
             "Inter-SemiBold.woff2|/usr/share/fonts/opentype/inter/Inter-SemiBold.otf|labels|704"
             "icons.woff2|/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf|icons|448")
  string(REPLACE "|" ";" parts "${font}")
  list(GET parts 0 out_name)
  list(GET parts 1 source)
  list(GET parts 2 facts_key)
  list(GET parts 3 units_per_em)
  set(out "${WEB_OUT}/fonts/${out_name}")
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${WEB_OUT}/fonts"
    COMMAND ${FONT_PY} "${FONT_SCRIPT}" "${source}" "${out}" "@${PAGE_FACTS}:${facts_key}" ${units_per_em}
    DEPENDS "${source}" "${FONT_SCRIPT}" "${PAGE_FACTS}" COMMENT "Making ${out_name}")
  list(APPEND FONT_OUTPUTS "${out}")
endforeach()

# The shell's scripts are served as one shell.js, minified with terser, which also writes the page
# facts into it; the stylesheet and index.html lose their comments and indentation
# (minify_shell.mjs).
set(SHELL_SCRIPTS "${CMAKE_SOURCE_DIR}/web/a11y.js" "${CMAKE_SOURCE_DIR}/web/text_input.js" "${CMAKE_SOURCE_DIR}/web/shell.js")
precompress_commands(compress "${WEB_OUT}/shell.js")
add_custom_command(OUTPUT "${WEB_OUT}/shell.js"
  COMMAND ${MINIFY_SHELL} "${WEB_OUT}/shell.js" ${SHELL_SCRIPTS} --page-facts "${PAGE_FACTS}" ${compress}
  DEPENDS ${SHELL_SCRIPTS} "${MINIFY_SHELL_SCRIPT}" "${PAGE_FACTS}")
set(SHELL_OUTPUTS "${WEB_OUT}/shell.js")
foreach(name shell.css index.html)
  precompress_commands(compress "${WEB_OUT}/${name}")
  add_custom_command(OUTPUT "${WEB_OUT}/${name}"
    COMMAND ${MINIFY_SHELL} "${WEB_OUT}/${name}" "${CMAKE_SOURCE_DIR}/web/${name}" ${compress}
    DEPENDS "${CMAKE_SOURCE_DIR}/web/${name}" "${MINIFY_SHELL_SCRIPT}")
  list(APPEND SHELL_OUTPUTS "${WEB_OUT}/${name}")
endforeach()
add_custom_target(web_assets ALL DEPENDS ${FONT_OUTPUTS} ${SHELL_OUTPUTS})
add_dependencies(trash_web web_assets)
