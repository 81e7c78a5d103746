// The result of decoding untrusted input: a value or a ParseError with a message a person can
// read ("items[3].deletedAt is not an ISO 8601 time: \"yesterday\""). Codecs never throw.
#pragma once

#include <string>   // message
#include <utility>  // std::move
#include <variant>  // value or error

namespace trash {

struct ParseError {
    std::string message;
};

template <typename T>
class ParseResult {
public:
    ParseResult(T value) : state_(std::move(value)) {}
    ParseResult(ParseError error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const { return std::get<0>(state_); }
    T& value() { return std::get<0>(state_); }
    const std::string& error() const { return std::get<1>(state_).message; }

private:
    std::variant<T, ParseError> state_;
};

}  // namespace trash
