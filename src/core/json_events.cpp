// nlohmann's SAX events turned into JsonSink calls (json_events.h): the only place the page
// instantiates nlohmann's parser.
#include "core/json_events.h"

#include <limits>  // number clamping

namespace trash {

namespace {
using json = nlohmann::json;

// nlohmann's SAX interface (its signatures are checked at compile time).
class SaxAdapter {
public:
    explicit SaxAdapter(JsonSink& sink) : sink_(sink) {}

    bool null() { return sink_.OnValue(JsonValue{}); }
    bool boolean(bool v) {
        JsonValue x;
        x.kind = JsonValue::Bool;
        x.boolean = v;
        return sink_.OnValue(x);
    }
    bool number_integer(json::number_integer_t v) {
        JsonValue x;
        x.kind = JsonValue::Integer;
        x.integer = v;
        return sink_.OnValue(x);
    }
    bool number_unsigned(json::number_unsigned_t v) {
        JsonValue x;
        x.kind = JsonValue::Integer;
        x.integer = v > static_cast<json::number_unsigned_t>(std::numeric_limits<int64_t>::max())
                        ? std::numeric_limits<int64_t>::max()
                        : static_cast<int64_t>(v);
        return sink_.OnValue(x);
    }
    bool number_float(json::number_float_t v, const json::string_t&) {
        JsonValue x;
        x.kind = JsonValue::Float;
        x.number = v;
        return sink_.OnValue(x);
    }
    bool string(json::string_t& v) {
        JsonValue x;
        x.kind = JsonValue::String;
        x.text = &v;
        return sink_.OnValue(x);
    }
    bool binary(json::binary_t&) { return false; }  // JSON text has none (only CBOR and the like)
    bool start_object(std::size_t) {
        JsonValue x;
        x.kind = JsonValue::ObjectStart;
        return sink_.OnValue(x);
    }
    bool start_array(std::size_t) {
        JsonValue x;
        x.kind = JsonValue::ArrayStart;
        return sink_.OnValue(x);
    }
    bool end_object() { return sink_.OnEnd(); }
    bool end_array() { return sink_.OnEnd(); }
    bool key(json::string_t& name) { return sink_.OnKey(name); }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        return sink_.OnError(position, ex);
    }

private:
    JsonSink& sink_;
};
}  // namespace

// No exception handler: the web build has none. sax_parse reports bad input through
// parse_error, and no sink throws.
bool ParseJson(const ResponseBody& body, size_t chunkSize, JsonSink& sink) {
    BodyCursor cursor(body, chunkSize);
    SaxAdapter adapter(sink);
    return json::sax_parse(BodyIterator(&cursor, 0), BodyIterator(&cursor, body.size()), &adapter);
}

}  // namespace trash
