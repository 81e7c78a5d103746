// printf-style formatting and strtod in double arithmetic (see print_format.h): a writer that
// counts what it cannot store, a spec parsed per conversion, integers by digit loops, and floating
// point through a 17-digit decimal significand rounded as text.
#include "core/print_format.h"

#include <cmath>    // std::signbit, std::isnan, std::isinf, std::frexp, std::floor, HUGE_VAL
#include <cstdint>  // uint64_t, intmax_t
#include <cstring>  // std::strlen, std::strchr

namespace trash {
namespace {

struct Writer {
    char* out;
    size_t size;
    size_t length = 0;
    void Put(char c) {
        if (length + 1 < size) out[length] = c;
        ++length;
    }
    void Put(const char* text, size_t count) {
        for (size_t i = 0; i < count; ++i) Put(text[i]);
    }
    void Repeat(char c, int count) {
        for (int i = 0; i < count; ++i) Put(c);
    }
};

struct Spec {
    bool left = false, zero = false, plus = false, space = false, alt = false;
    int width = 0;
    int precision = -1;  // -1: not given
    char length = 0;     // 'H' hh, 'h', 'l', 'L' ll or long double, 'j', 'z', 't'
    char conversion = 0;
};

// Pads `body` (with its sign or prefix first) to the spec's width.
void Emit(Writer& w, const Spec& spec, const char* prefix, const char* body, size_t bodyLength, int zeros = 0) {
    const int used = int(std::strlen(prefix) + bodyLength) + zeros;
    const int pad = spec.width > used ? spec.width - used : 0;
    if (!spec.left && !spec.zero) w.Repeat(' ', pad);
    w.Put(prefix, std::strlen(prefix));
    if (!spec.left && spec.zero) w.Repeat('0', pad);
    w.Repeat('0', zeros);
    w.Put(body, bodyLength);
    if (spec.left) w.Repeat(' ', pad);
}

const char* SignOf(bool negative, const Spec& spec) { return negative ? "-" : spec.plus ? "+" : spec.space ? " " : ""; }

void FormatInteger(Writer& w, Spec spec, uint64_t value, bool negative) {
    const char conversion = spec.conversion;
    const unsigned base = conversion == 'o' ? 8 : (conversion == 'x' || conversion == 'X') ? 16 : 10;
    const char* digitChars = conversion == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    char digits[24];
    int count = 0;
    for (uint64_t v = value; v != 0; v /= base) digits[sizeof digits - 1 - count++] = digitChars[v % base];
    const int precision = spec.precision < 0 ? 1 : spec.precision;
    int zeros = precision > count ? precision - count : 0;
    if (spec.precision >= 0) spec.zero = false;  // C: a precision turns the 0 flag off
    const char* prefix = (conversion == 'd' || conversion == 'i') ? SignOf(negative, spec) : "";
    if (spec.alt && value != 0 && base == 16) prefix = conversion == 'X' ? "0X" : "0x";
    if (spec.alt && base == 8 && zeros == 0) zeros = 1;  // %#o always starts with a 0
    Emit(w, spec, prefix, digits + sizeof digits - count, size_t(count), zeros);
}

// value = 0.d1d2...dn × 10^point, digits beyond `count` being zeros.
struct Decimal {
    char digits[20];
    int count = 0;
    int point = 1;
};

// m × 10^exponent: exact powers of ten up to 1e22, so one rounding while |exponent| ≤ 22.
double ScaleBy10(double m, int exponent) {
    static const double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                     1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    while (exponent > 22) m *= 1e22, exponent -= 22;
    while (exponent < -22) m /= 1e22, exponent += 22;
    return exponent >= 0 ? m * kPowers[exponent] : m / kPowers[-exponent];
}

Decimal ToDecimal(double v) {  // v finite and ≥ 0
    Decimal d;
    if (v == 0) return d;
    int binaryExponent;
    std::frexp(v, &binaryExponent);
    // 10^shift brings v into [1e16, 1e17): estimated from the binary exponent, then corrected.
    int shift = 16 - int(std::floor((binaryExponent - 1) * 0.30102999566398120));
    double scaled = ScaleBy10(v, shift);
    if (scaled >= 1e17) scaled /= 10, --shift;
    if (scaled < 1e16) scaled *= 10, ++shift;
    uint64_t m = uint64_t(scaled + 0.5);
    char reversed[20];
    int n = 0;
    for (; m != 0; m /= 10) reversed[n++] = char('0' + m % 10);
    for (int i = 0; i < n; ++i) d.digits[i] = reversed[n - 1 - i];
    d.count = n;
    d.point = n - shift;
    while (d.count > 0 && d.digits[d.count - 1] == '0') --d.count;
    return d;
}

// Keeps the first `keep` significant digits, rounding half away from zero.
void RoundTo(Decimal& d, int keep) {
    if (keep >= d.count) return;
    if (keep < 0) {
        d.count = 0;
        return;
    }
    const bool up = d.digits[keep] >= '5';
    d.count = keep;
    if (!up) return;
    int i = keep - 1;
    while (i >= 0 && d.digits[i] == '9') --i;
    if (i < 0) {  // 999 → 1000: one more digit in front
        d.digits[0] = '1';
        d.count = 1;
        ++d.point;
        return;
    }
    ++d.digits[i];
    d.count = i + 1;
}

char DigitAt(const Decimal& d, int index) { return index >= 0 && index < d.count ? d.digits[index] : '0'; }

// Fixed notation of d with `precision` fraction digits into buffer; returns the length.
int FixedText(const Decimal& d, int precision, bool point, char* out) {
    int n = 0;
    if (d.point <= 0) out[n++] = '0';
    for (int i = 0; i < d.point; ++i) out[n++] = DigitAt(d, i);
    if (precision > 0 || point) out[n++] = '.';
    for (int i = 0; i < precision; ++i) out[n++] = DigitAt(d, d.point + i);
    return n;
}

int ExponentText(const Decimal& d, int precision, bool point, bool upper, bool zero, char* out) {
    int n = 0;
    out[n++] = DigitAt(d, 0);
    if (precision > 0 || point) out[n++] = '.';
    for (int i = 1; i <= precision; ++i) out[n++] = DigitAt(d, i);
    int exponent = zero ? 0 : d.point - 1;
    out[n++] = upper ? 'E' : 'e';
    out[n++] = exponent < 0 ? '-' : '+';
    if (exponent < 0) exponent = -exponent;
    char digits[4];
    int count = 0;
    for (; exponent != 0 || count < 2; exponent /= 10) digits[count++] = char('0' + exponent % 10);
    while (count > 0) out[n++] = digits[--count];
    return n;
}

int StripZeros(char* text, int n) {  // %g without #: no trailing fraction zeros, no lone point
    int dot = -1, exp = n;
    for (int i = 0; i < n; ++i) {
        if (text[i] == '.') dot = i;
        if (text[i] == 'e' || text[i] == 'E') exp = i;
    }
    if (dot < 0) return n;
    int end = exp;
    while (end > dot + 1 && text[end - 1] == '0') --end;
    if (end == dot + 1) --end;
    for (int i = exp; i < n; ++i) text[end++] = text[i];
    return end;
}

void FormatFloat(Writer& w, Spec spec, double value) {
    const char c = spec.conversion;
    const bool upper = c == 'F' || c == 'E' || c == 'G' || c == 'A';
    const char* sign = SignOf(std::signbit(value), spec);
    if (std::isnan(value) || std::isinf(value)) {
        spec.zero = false;
        const char* text = std::isnan(value) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        Emit(w, spec, sign, text, 3);
        return;
    }
    Decimal d = ToDecimal(std::fabs(value));
    const bool zero = d.count == 0;
    int precision = spec.precision < 0 ? 6 : spec.precision > 300 ? 300 : spec.precision;
    char text[700];
    int n;
    if (c == 'f' || c == 'F') {
        RoundTo(d, d.point + precision);
        n = FixedText(d, precision, spec.alt, text);
    } else if (c == 'e' || c == 'E' || c == 'a' || c == 'A') {
        RoundTo(d, precision + 1);
        n = ExponentText(d, precision, spec.alt, upper, d.count == 0, text);
    } else {  // g, G
        const int significant = precision == 0 ? 1 : precision;
        RoundTo(d, significant);
        const int exponent = zero || d.count == 0 ? 0 : d.point - 1;
        if (exponent < -4 || exponent >= significant)
            n = ExponentText(d, significant - 1, spec.alt, upper, d.count == 0, text);
        else
            n = FixedText(d, significant - 1 - exponent, spec.alt, text);
        if (!spec.alt) n = StripZeros(text, n);
    }
    Emit(w, spec, sign, text, size_t(n));
}

// Reads flags, width, precision and length at `f`; returns the conversion's position.
const char* ReadSpec(const char* f, Spec& spec, va_list& args) {
    for (;; ++f) {
        if (*f == '-')
            spec.left = true;
        else if (*f == '0')
            spec.zero = true;
        else if (*f == '+')
            spec.plus = true;
        else if (*f == ' ')
            spec.space = true;
        else if (*f == '#')
            spec.alt = true;
        else
            break;
    }
    if (*f == '*') {
        spec.width = va_arg(args, int);
        if (spec.width < 0) spec.left = true, spec.width = -spec.width;
        ++f;
    }
    for (; *f >= '0' && *f <= '9'; ++f) spec.width = spec.width * 10 + (*f - '0');
    if (*f == '.') {
        spec.precision = 0;
        if (*++f == '*') {
            spec.precision = va_arg(args, int);
            if (spec.precision < 0) spec.precision = -1;
            ++f;
        }
        for (; *f >= '0' && *f <= '9'; ++f) spec.precision = spec.precision * 10 + (*f - '0');
    }
    if (spec.left) spec.zero = false;
    if (f[0] == 'h' && f[1] == 'h')
        spec.length = 'H', f += 2;
    else if (f[0] == 'l' && f[1] == 'l')
        spec.length = 'L', f += 2;
    else if (*f == 'h' || *f == 'l' || *f == 'L' || *f == 'j' || *f == 'z' || *f == 't')
        spec.length = *f++;
    spec.conversion = *f;
    return f;
}

void FormatSigned(Writer& w, const Spec& spec, va_list& args) {
    intmax_t v;
    switch (spec.length) {
    case 'l': v = va_arg(args, long); break;
    case 'L': v = va_arg(args, long long); break;
    case 'j': v = va_arg(args, intmax_t); break;
    case 'z':
    case 't': v = va_arg(args, ptrdiff_t); break;
    case 'H': v = static_cast<signed char>(va_arg(args, int)); break;
    case 'h': v = static_cast<short>(va_arg(args, int)); break;
    default: v = va_arg(args, int);
    }
    const uint64_t magnitude = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    FormatInteger(w, spec, magnitude, v < 0);
}

void FormatUnsigned(Writer& w, const Spec& spec, va_list& args) {
    uint64_t v;
    switch (spec.length) {
    case 'l': v = va_arg(args, unsigned long); break;
    case 'L': v = va_arg(args, unsigned long long); break;
    case 'j': v = va_arg(args, uintmax_t); break;
    case 'z':
    case 't': v = va_arg(args, size_t); break;
    case 'H': v = static_cast<unsigned char>(va_arg(args, unsigned)); break;
    case 'h': v = static_cast<unsigned short>(va_arg(args, unsigned)); break;
    default: v = va_arg(args, unsigned);
    }
    FormatInteger(w, spec, v, false);
}

void FormatOne(Writer& w, Spec& spec, va_list& args) {
    switch (spec.conversion) {
    case 'd':
    case 'i': FormatSigned(w, spec, args); return;
    case 'u':
    case 'o':
    case 'x':
    case 'X': FormatUnsigned(w, spec, args); return;
    case 'c': {
        const char c = char(va_arg(args, int));
        spec.zero = false;
        Emit(w, spec, "", &c, 1);
        return;
    }
    case 's': {
        const char* s = va_arg(args, const char*);
        if (!s) s = "(null)";
        size_t n = 0;
        while (s[n] && (spec.precision < 0 || n < size_t(spec.precision))) ++n;
        spec.zero = false;
        Emit(w, spec, "", s, n);
        return;
    }
    case 'p': {
        spec.conversion = 'x';
        spec.alt = true;
        FormatInteger(w, spec, uint64_t(reinterpret_cast<uintptr_t>(va_arg(args, void*))), false);
        return;
    }
    case 'n': (void)va_arg(args, void*); return;  // writes nothing back: the page never asks
    case '%': w.Put('%'); return;
    default: break;
    }
    const double value = spec.length == 'L' ? double(va_arg(args, long double)) : va_arg(args, double);
    FormatFloat(w, spec, value);
}

bool IsKnownConversion(char c) { return c != 0 && std::strchr("diouxXcspn%fFeEgGaA", c) != nullptr; }

}  // namespace

int FormatV(char* out, size_t size, const char* format, va_list args) {
    Writer w{out, size};
    va_list ap;
    va_copy(ap, args);
    for (const char* f = format; *f; ++f) {
        if (*f != '%') {
            w.Put(*f);
            continue;
        }
        Spec spec;
        f = ReadSpec(f + 1, spec, ap);
        if (spec.conversion == 0) break;            // a lone '%' at the end
        if (!IsKnownConversion(spec.conversion)) {  // printed as written, consuming nothing
            w.Put('%');
            w.Put(spec.conversion);
            continue;
        }
        FormatOne(w, spec, ap);
    }
    va_end(ap);
    if (size > 0) out[w.length < size ? w.length : size - 1] = '\0';
    return int(w.length);
}

namespace {

bool StartsWithNoCase(const char* text, const char* word) {
    for (; *word; ++text, ++word)
        if ((*text | 0x20) != *word) return false;
    return true;
}

}  // namespace

double ReadDouble(const char* text, char** end) {
    const char* p = text;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r')) ++p;
    const bool negative = *p == '-';
    if (*p == '-' || *p == '+') ++p;
    if (StartsWithNoCase(p, "inf") || StartsWithNoCase(p, "nan")) {
        const bool nan = (*p | 0x20) == 'n';
        p += StartsWithNoCase(p, "infinity") ? 8 : 3;
        if (end) *end = const_cast<char*>(p);
        const double v = nan ? std::nan("") : HUGE_VAL;
        return negative ? -v : v;
    }
    uint64_t mantissa = 0;
    int exponent = 0, digits = 0;
    bool any = false;
    for (; *p >= '0' && *p <= '9'; ++p, any = true) {
        if (digits < 19)
            mantissa = mantissa * 10 + uint64_t(*p - '0'), digits += mantissa != 0;
        else
            ++exponent;  // past 19 digits only the magnitude counts
    }
    if (*p == '.') {
        for (++p; *p >= '0' && *p <= '9'; ++p, any = true) {
            if (digits < 19) mantissa = mantissa * 10 + uint64_t(*p - '0'), digits += mantissa != 0, --exponent;
        }
    }
    if (!any) {
        if (end) *end = const_cast<char*>(text);
        return 0;
    }
    if (*p == 'e' || *p == 'E') {
        const char* q = p + 1;
        const bool minus = *q == '-';
        if (*q == '-' || *q == '+') ++q;
        if (*q >= '0' && *q <= '9') {
            int e = 0;
            for (; *q >= '0' && *q <= '9'; ++q)
                if (e < 100000) e = e * 10 + (*q - '0');
            exponent += minus ? -e : e;
            p = q;
        }
    }
    if (end) *end = const_cast<char*>(p);
    // Past these the value is out of double's range whatever the digits (there are at most 19).
    const double value = mantissa == 0 || exponent < -360 ? 0.0
                         : exponent > 330                 ? HUGE_VAL
                                                          : ScaleBy10(double(mantissa), exponent);
    return negative ? -value : value;
}

}  // namespace trash
