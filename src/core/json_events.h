// The one SAX handler every JSON body of the page is parsed through: nlohmann's parser loop is a
// template on its handler, so each decoder with a handler type of its own compiled the loop again
// (about 2 KB of wasm each, issue 10). Decoders implement JsonSink instead and get each event as one call.
#pragma once

#include <cstddef>            // size_t
#include <cstdint>            // int64_t
#include <string>             // strings and keys as the lexer decoded them
#include <nlohmann/json.hpp>  // nlohmann::detail::exception

#include "core/response_body.h"  // ResponseBody

namespace trash {

// The JSON value being delivered, whatever its kind; containers arrive as ObjectStart/ArrayStart
// and end with JsonSink::OnEnd.
struct JsonValue {
    enum Kind { Null, Bool, Integer, Float, String, ObjectStart, ArrayStart } kind = Null;
    bool boolean = false;
    int64_t integer = 0;          // numbers that fit an integer (larger unsigned ones are clamped)
    double number = 0;            // the other numbers
    std::string* text = nullptr;  // the lexer's buffer: a sink may move from it
    bool isContainer() const { return kind == ObjectStart || kind == ArrayStart; }
};

class JsonSink {
public:
    virtual bool OnValue(const JsonValue& value) = 0;
    virtual bool OnKey(std::string& name) = 0;  // the name of the member whose value comes next
    virtual bool OnEnd() = 0;                   // the innermost open object or array closes
    // Bad input. `error.what()` reads "[json.exception.parse_error.101] parse error at line 1,
    // column 5: <why>". Returns false (parsing stops there either way).
    virtual bool OnError(size_t position, const nlohmann::detail::exception& error) = 0;

protected:
    ~JsonSink() = default;
};

// Parses `body`, reading it through chunks of `chunkSize` bytes when it is kept in pieces (0: in
// place, see BodyCursor). False when the body is not valid JSON or a sink call returned false.
bool ParseJson(const ResponseBody& body, size_t chunkSize, JsonSink& sink);

}  // namespace trash
