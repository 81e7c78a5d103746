// The web pages' vsnprintf, snprintf and strtod/strtof/strtold (ImGui formats through vsnprintf, nlohmann reads
// JSON fractions with strtod): defined here, they keep libc's versions out of the link, and with
// them the 128-bit long double arithmetic those do in software. core/print_format.h says how
// they differ from libc (past 15 significant digits) and tests/core holds them to libc.
#include <cstdarg>  // va_list
#include <cstdio>   // the declarations these definitions match
#include <cstdlib>

#include "core/print_format.h"

extern "C" {

int vsnprintf(char* __restrict out, size_t size, const char* __restrict format, va_list args) {
  return trash::FormatV(out, size, format, args);
}

int snprintf(char* __restrict out, size_t size, const char* __restrict format, ...) {
  va_list args;
  va_start(args, format);
  const int length = trash::FormatV(out, size, format, args);
  va_end(args);
  return length;
}

// libc has the three in one object: all three are defined here, or it would be linked anyway.
double strtod(const char* __restrict text, char** __restrict end) { return trash::ReadDouble(text, end); }
float strtof(const char* __restrict text, char** __restrict end) { return float(trash::ReadDouble(text, end)); }
long double strtold(const char* __restrict text, char** __restrict end) { return trash::ReadDouble(text, end); }

}  // extern "C"
