# Native test targets: Catch2 suites for the core, the screens (headless ImGui) and the app (on a
# fake platform), and shader
# validation with glslangValidator. Included from the top-level CMakeLists for non-web builds.
find_package(Catch2 2 REQUIRED)
include(CTest)
include(Catch)

add_library(catch_main STATIC "${CMAKE_SOURCE_DIR}/tests/catch_main.cpp")
target_link_libraries(catch_main PUBLIC Catch2::Catch2)
# Every test file parses catch.hpp: each test binary precompiles it once instead (INTERFACE, so
# catch_main.cpp itself still sees CATCH_CONFIG_MAIN before the header).
target_precompile_headers(catch_main INTERFACE <catch2/catch.hpp>)

file(GLOB CORE_TEST_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/core/*.cpp")
add_executable(core_tests ${CORE_TEST_SOURCES})
target_link_libraries(core_tests PRIVATE trash_core catch_main)
target_compile_options(core_tests PRIVATE ${OWN_WARNINGS})
target_compile_definitions(core_tests PRIVATE TRASH_FIXTURES_DIR="${CMAKE_SOURCE_DIR}/tests/fixtures")
catch_discover_tests(core_tests TEST_PREFIX "core: ")

# The demo backend and the REST contract scenarios of tests/contract, run on it.
file(GLOB DEMO_TEST_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/demo/*.cpp")
add_executable(demo_tests ${DEMO_TEST_SOURCES})
target_link_libraries(demo_tests PRIVATE trash_demo catch_main)
target_compile_options(demo_tests PRIVATE ${OWN_WARNINGS})
target_compile_definitions(demo_tests PRIVATE TRASH_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
target_precompile_headers(demo_tests PRIVATE <nlohmann/json.hpp>)
catch_discover_tests(demo_tests TEST_PREFIX "demo: ")
find_program(PYTHON3 python3 REQUIRED)
add_test(NAME "demo: the parity walks' golden answers are serve.py's answers today"
  COMMAND ${PYTHON3} "${CMAKE_SOURCE_DIR}/tests/demo/parity/make_parity_golden.py" --check
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")

file(GLOB UI_TEST_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/ui/*.cpp")
if(UI_TEST_SOURCES AND TARGET trash_ui)
  add_executable(ui_tests ${UI_TEST_SOURCES})
  target_link_libraries(ui_tests PRIVATE trash_ui trash_demo catch_main)  # the demo workspace for layout tests
  target_compile_options(ui_tests PRIVATE ${OWN_WARNINGS})
  target_compile_definitions(ui_tests PRIVATE TRASH_FIXTURES_DIR="${CMAKE_SOURCE_DIR}/tests/fixtures"
                                                TRASH_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  catch_discover_tests(ui_tests TEST_PREFIX "ui: ")
endif()

file(GLOB RENDER_TEST_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/render/*.cpp")
if(RENDER_TEST_SOURCES AND TARGET trash_render)
  add_executable(render_tests ${RENDER_TEST_SOURCES})
  target_link_libraries(render_tests PRIVATE trash_render catch_main)
  target_compile_options(render_tests PRIVATE ${OWN_WARNINGS})
  catch_discover_tests(render_tests TEST_PREFIX "render: ")
endif()

# App tests: app::App on the fake platform (tests/app/fake_platform.h), with the screens' headless
# ImGui harness for a context.
file(GLOB APP_TEST_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/app/*.cpp")
add_executable(app_tests ${APP_TEST_SOURCES} "${CMAKE_SOURCE_DIR}/tests/ui/harness.cpp")
target_link_libraries(app_tests PRIVATE trash_app catch_main)
target_include_directories(app_tests PRIVATE "${CMAKE_SOURCE_DIR}/tests")
target_compile_options(app_tests PRIVATE ${OWN_WARNINGS})
target_compile_definitions(app_tests PRIVATE TRASH_FIXTURES_DIR="${CMAKE_SOURCE_DIR}/tests/fixtures")
catch_discover_tests(app_tests TEST_PREFIX "app: ")

find_program(GLSLANG_VALIDATOR glslangValidator REQUIRED)
foreach(shader ${SHADER_SOURCES})
  get_filename_component(name "${shader}" NAME)
  add_test(NAME "shader: ${name} compiles as GLSL ES 3.00" COMMAND ${GLSLANG_VALIDATOR} "${shader}")
endforeach()
