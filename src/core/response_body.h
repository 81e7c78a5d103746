// An HTTP answer's body as the platform hands it to the page: one buffer, or a size and a way to
// copy any part of it in. The web platform keeps answers in JS and lends them this way, so a 30 MB
// listing is never in the wasm heap beside the 100,000 items parsed from it (the heap never shrinks).
#pragma once

#include <cstddef>      // size_t
#include <functional>   // Reader
#include <iterator>     // input_iterator_tag
#include <string>       // the copy of a read body
#include <string_view>  // text

namespace trash {

class ResponseBody {
public:
    // Copies [offset, offset + length) of the body to `out`; offset + length <= size().
    using Reader = std::function<void(size_t offset, size_t length, char* out)>;

    // One buffer, valid for as long as the body is used (test bodies, the shell's prefetched answer).
    ResponseBody(std::string_view text) : text_(text), size_(text.size()) {}
    ResponseBody(const std::string& text) : ResponseBody(std::string_view(text)) {}
    ResponseBody(const char* text) : ResponseBody(std::string_view(text)) {}
    // A body kept elsewhere, read in pieces.
    ResponseBody(size_t size, Reader read) : size_(size), read_(std::move(read)) {}

    size_t size() const { return size_; }
    bool inPieces() const { return static_cast<bool>(read_); }
    void Read(size_t offset, size_t length, char* out) const;
    // The whole body as one buffer. A read body is copied in on first use: fine for the small
    // answers (a session, an error); the listing parser reads a large one in pieces instead.
    std::string_view text() const;
    // Handlers of small answers take the body as text.
    operator std::string_view() const { return text(); }

private:
    std::string_view text_;
    size_t size_ = 0;
    Reader read_;
    mutable std::string copy_;
    mutable bool copied_ = false;
};

// Hands a body out in pieces of at most `chunkSize` bytes, as one input iterator the JSON parser
// walks (nlohmann's SAX parser reads through any iterator of char). A one-buffer body is walked
// in place; a read body through one reused buffer. Every JSON body the page parses goes through
// this one iterator type, so nlohmann's lexer is compiled once (about 4 KB of wasm per type).
class BodyCursor {
public:
    BodyCursor(const ResponseBody& body, size_t chunkSize);
    char At(size_t offset) {
        if (offset - start_ >= length_) Fill(offset);  // unsigned: also true before start_
        return window_[offset - start_];
    }
    size_t size() const { return body_.size(); }

private:
    void Fill(size_t offset);

    const ResponseBody& body_;
    std::string buffer_;
    const char* window_ = nullptr;
    size_t start_ = 0, length_ = 0;
};

class BodyIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = char;

    BodyIterator(BodyCursor* cursor, size_t offset) : cursor_(cursor), offset_(offset) {}
    char operator*() const { return cursor_->At(offset_); }
    BodyIterator& operator++() {
        ++offset_;
        return *this;
    }
    BodyIterator operator++(int) {
        BodyIterator before = *this;
        ++offset_;
        return before;
    }
    bool operator==(const BodyIterator& other) const { return offset_ == other.offset_; }
    bool operator!=(const BodyIterator& other) const { return offset_ != other.offset_; }

private:
    BodyCursor* cursor_;
    size_t offset_;
};

}  // namespace trash
