// Tests of the page's own vsnprintf and strtod (core/print_format.h) against the native libc's:
// every conversion and flag ImGui, nlohmann and the screens use, and numbers read both ways.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "core/print_format.h"

using trash::FormatV;
using trash::ReadDouble;

namespace {

std::string Ours(const char* format, ...) {
    char buffer[512];
    va_list args;
    va_start(args, format);
    const int n = FormatV(buffer, sizeof buffer, format, args);
    va_end(args);
    REQUIRE(n == int(std::string(buffer).size()));
    return buffer;
}

std::string Libc(const char* format, ...) {
    char buffer[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    return buffer;
}

#define SAME(...) CHECK(Ours(__VA_ARGS__) == Libc(__VA_ARGS__))

}  // namespace

TEST_CASE("Integers, strings and characters print as libc prints them", "[print_format]") {
    SAME("%d|%i|%u", 42, -17, 3000000000u);
    SAME("%5d|%-5d|%05d|%+d|% d|%+05d", 42, 42, -42, 42, 42, 7);
    SAME("%.3d|%.0d|%8.3d|%-8.3d|%08.3d", 5, 0, -5, 5, 5);
    SAME("%x|%X|%08X|%#x|%#X|%#o|%o|%#x", 0xbeefu, 0xbeefu, 0x1234u, 255u, 255u, 8u, 8u, 0u);
    SAME("%ld|%lu|%lld|%llu|%zu|%jd|%td", -123456789L, 123456789UL, -9223372036854775807LL - 1, 18446744073709551615ULL,
         size_t(77), intmax_t(-5), ptrdiff_t(-6));
    SAME("%hhd|%hd|%hhu|%hu", 300, 70000, 300, 70000);
    SAME("%s|%10s|%-10s|%.3s|%.*s|%*d", "abc", "right", "left", "truncate", 2, "xyz", 6, 9);
    SAME("%c%c|%3c|%-3c|", 'o', 'k', 'r', 'l');
    SAME("100%% of %s##%s", "Trash", "id");
    SAME("%s/%s_%08X", "Window", "child", 0x1A2Bu);
    SAME("<U+%.4X>", 0x1Fu);
    SAME("##Tooltip_%02d|##Menu_%02d", 3, 12);
}

TEST_CASE("Floating point prints as libc prints it to 15 digits", "[print_format]") {
    SAME("%f|%.0f|%.1f|%.2f|%.3f", 3.14159265358979, 2.5001, 0.05001, 1234.5678, -0.0004);
    SAME("%10.2f|%-10.2f|%010.2f|%+.1f|% .1f", 3.14159, 3.14159, -3.14159, 2.0, 2.0);
    SAME("%e|%.2e|%E|%.0e|%#.0e", 12345.678, 0.000123456, 1e-300, 5e10, 3.0);
    SAME("%g|%g|%g|%g|%g|%g|%g", 0.0, 1.0, 100000.0, 1000000.0, 0.0001, 0.00001, 123456789.0);
    SAME("%.3g|%.10g|%G|%#g|%.0g", 3.14159, 2.0 / 3.0, 1e-10, 1.5, 0.3);
    SAME("%e|%e|%g", 1.7976931348623157e308, 2.2250738585072014e-308, 4.9406564584124654e-324);
    SAME("%f|%F|%e|%g|%5.1f", INFINITY, -INFINITY, NAN, -NAN, INFINITY);
    SAME("%f|%.2f|%g", -0.0, -0.0, -0.0);
    SAME("%.1f|%.2f|%.0f", 0.96, 9.996, 999.9);
    SAME("%Lf|%.3Lg", 1.25L, 2.5L);
}

TEST_CASE("Random doubles print as libc prints them", "[print_format]") {
    std::mt19937_64 random(20261206);
    std::uniform_real_distribution<double> mantissa(1.0, 10.0);
    std::uniform_int_distribution<int> exponent(-30, 30);
    for (int i = 0; i < 2000; ++i) {
        const double value = mantissa(random) * std::pow(10.0, exponent(random)) * (i % 2 ? -1 : 1);
        INFO(Libc("%.17g", value));
        SAME("%.6g|%.10e|%.12g|%G", value, value, value, value);
        // Fixed notation only to 15 significant digits: past them libc prints the binary value exactly.
        if (std::fabs(value) < 1e9) SAME("%.3f|%.1f|%f", value, value, value);
    }
}

TEST_CASE("Output is cut to the buffer and the full length returned", "[print_format]") {
    char small[6] = "xxxxx";
    auto format = [&](char* out, size_t size, const char* fmt, ...) {
        va_list args;
        va_start(args, fmt);
        const int n = FormatV(out, size, fmt, args);
        va_end(args);
        return n;
    };
    CHECK(format(small, sizeof small, "%s-%d", "abcdef", 12) == 9);
    CHECK(std::string(small) == "abcde");
    char untouched[3] = "ok";
    CHECK(format(untouched, 0, "%d", 12345) == 5);
    CHECK(std::string(untouched) == "ok");
    char one[1] = {'x'};
    CHECK(format(one, 1, "abc") == 3);
    CHECK(one[0] == '\0');
    CHECK(Ours("%q|%") == "%q|");  // unknown conversions print as written; a lone % ends it
}

TEST_CASE("Numbers read as libc reads them, with the same end", "[print_format]") {
    const char* texts[] = {"0",
                           "-0",
                           "12",
                           "3.5",
                           "-2.25e3",
                           "1e22",
                           "1e23",
                           "0.1",
                           "123.456e-7",
                           "9007199254740993",
                           "  +7.5x",
                           "1E+2",
                           "1e",
                           "1e+",
                           ".5",
                           "5.",
                           "abc",
                           "-",
                           "inf",
                           "-Infinity",
                           "1.7976931348623157e308",
                           "1e400",
                           "4.9e-324",
                           "1e-400",
                           "0.000000000000000000000000001234",
                           "12345678901234567890123"};
    for (const char* text : texts) {
        INFO(text);
        char *ourEnd = nullptr, *libcEnd = nullptr;
        const double ours = ReadDouble(text, &ourEnd);
        const double libc = std::strtod(text, &libcEnd);
        CHECK(ourEnd - text == libcEnd - text);
        if (std::isfinite(libc) && libc != 0)
            CHECK(ours == Approx(libc).epsilon(1e-15));
        else
            CHECK(ours == libc);
    }
    char* end = nullptr;
    CHECK(std::isnan(ReadDouble("nan", &end)));
    CHECK(*end == '\0');
}

TEST_CASE("Short decimals read exactly, as JSON numbers need", "[print_format]") {
    std::mt19937_64 random(7);
    std::uniform_int_distribution<long long> digits(0, 9007199254740991LL);
    std::uniform_int_distribution<int> exponent(-22, 22);
    for (int i = 0; i < 5000; ++i) {
        char text[64];
        std::snprintf(text, sizeof text, "%llde%d", digits(random), exponent(random));
        CHECK(ReadDouble(text, nullptr) == std::strtod(text, nullptr));
    }
}
