# Turns assets/demo/workspace.json, the fixture serve.py seeds its demo from, into a C++ header at
# build time, so the in-browser demo seeds exactly the same workspace. Run with -DOUT= -DFIXTURE=.
file(READ "${FIXTURE}" body)
set(text "// Generated from assets/demo/workspace.json by embed_fixture.cmake; do not edit.\n#pragma once\n")
string(APPEND text "inline constexpr const char kDemoFixture[] = R\"fixture(${body})fixture\";\n")
file(WRITE "${OUT}.tmp" "${text}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
