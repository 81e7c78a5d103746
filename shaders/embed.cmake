# Turns the GLSL sources in shaders/ into a C++ header of string constants at build time, so the
# renderer compiles exactly the files that glslangValidator checks. Comments, indentation and blank
# lines are dropped on the way (GLSL has no strings, so `//` always starts a comment): the wasm
# carries only what the GPU driver reads. Run with -DOUT= -DSHADER_DIR=.
file(GLOB SOURCES "${SHADER_DIR}/*.vert" "${SHADER_DIR}/*.frag")
set(text "// Generated from shaders/ by shaders/embed.cmake; do not edit.\n#pragma once\n")
foreach(src ${SOURCES})
  get_filename_component(name "${src}" NAME)
  string(MAKE_C_IDENTIFIER "${name}" ident)
  file(READ "${src}" body)
  string(REGEX REPLACE "//[^\n]*" "" body "${body}")
  string(REGEX REPLACE "[ \t]+\n" "\n" body "${body}")
  string(REGEX REPLACE "\n[ \t]+" "\n" body "${body}")
  string(REGEX REPLACE "\n\n+" "\n" body "${body}")
  string(APPEND text "inline constexpr const char kShader_${ident}[] = R\"glsl(${body})glsl\";\n")
endforeach()
file(WRITE "${OUT}.tmp" "${text}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
