// The web pages' vsnprintf, snprintf and strtod/strtof/strtold (ImGui formats through vsnprintf, nlohmann reads
// JSON fractions with strtod): defined here, they keep libc's versions out of the link, and with
// them the 128-bit long double arithmetic those do in software. core/print_format.h says how
// they differ from libc (past 15 significant digits) and tests/core holds them to libc.
// sinf, cosf, acosf and exp come from the browser's Math, and qsort is a small one: see below.
#include <emscripten.h>  // EM_JS

#include <cstdarg>  // va_list
#include <cstdio>   // the declarations these definitions match
#include <cstdlib>

#include "core/print_format.h"

// ImGui's only trigonometry: the arc table it fills once, arcs wider than that table, and the
// segment count of a circle. libc's sinf and cosf bring __rem_pio2f and its 2.7 KB table of 2/pi's
// bits (for arguments of any size); the browser's Math, in double and then rounded to float, gives
// the same float to within one ulp.
EM_JS(double, trash_js_sin, (double x), { return Math.sin(x); });
EM_JS(double, trash_js_cos, (double x), { return Math.cos(x); });
EM_JS(double, trash_js_acos, (double x), { return Math.acos(x); });
// The touch fling's decay (web_touch.cpp) is the only exp: libc's brings a 2 KB table of powers of 2.
EM_JS(double, trash_js_exp, (double x), { return Math.exp(x); });

extern "C" {

float sinf(float x) { return float(trash_js_sin(x)); }
float cosf(float x) { return float(trash_js_cos(x)); }
float acosf(float x) { return float(trash_js_acos(x)); }
double exp(double x) { return trash_js_exp(x); }

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

// ImGui's only qsort puts a window's child windows in the order they began (distinct keys, a few
// dozen windows): an insertion sort gives the same order without musl's 1 KB smoothsort.
void qsort(void* base, size_t count, size_t size, int (*compare)(const void*, const void*)) {
  char* const items = static_cast<char*>(base);
  for (size_t i = 1; i < count; ++i)
    for (char* at = items + i * size; at > items && compare(at - size, at) > 0; at -= size)
      for (size_t b = 0; b < size; ++b) {
        const char swapped = at[b];
        at[b] = at[b - size];
        at[b - size] = swapped;
      }
}

}  // extern "C"
