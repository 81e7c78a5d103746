// printf-style formatting and decimal number reading in plain double arithmetic, for the web
// pages: they stand in for libc's vsnprintf and strtod there (src/platform/web/web_small_libc.cpp),
// whose wasm works in 128-bit long double, emulated in software (about 7 KB gzip of a first visit).
// Native builds keep libc; the tests hold these to libc's answers.
#pragma once

#include <cstdarg>  // va_list
#include <cstddef>  // size_t

namespace trash {

// vsnprintf: writes at most size - 1 characters and a terminating NUL (nothing when size is 0),
// returns the length the whole output would have. Every C99 conversion and flag (d i u o x X c s
// p f F e E g G a A n %; hh h l ll j z t L). Floating point is exact to 15 significant digits and
// rounds halves away from zero; past 17 digits it prints zeros where libc prints the binary
// value's exact decimal expansion; %a prints as %e does.
int FormatV(char* out, size_t size, const char* format, va_list args);

// strtod for decimal text: leading space, a sign, digits with an optional fraction and exponent,
// "inf", "infinity" and "nan" (any case). Exact (correctly rounded) when the digits fit 53 bits
// and the exponent is within ±22, which covers every number the page's JSON carries; otherwise
// within a few units in the last place. Hexadecimal floats are read up to their "0". *end, when
// given, points after what was read (at `text` when nothing was).
double ReadDouble(const char* text, char** end);

}  // namespace trash
