// A response body read in place or in pieces (response_body.h): the copy made for handlers that
// want text, and the moving window the listing parser reads through.
#include "core/response_body.h"

#include <algorithm>  // std::min

namespace trash {

void ResponseBody::Read(size_t offset, size_t length, char* out) const {
    if (read_)
        read_(offset, length, out);
    else
        text_.copy(out, length, offset);
}

std::string_view ResponseBody::text() const {
    if (!read_) return text_;
    if (!copied_) {
        copy_.resize(size_);
        if (size_ > 0) read_(0, size_, copy_.data());
        copied_ = true;
    }
    return copy_;
}

BodyCursor::BodyCursor(const ResponseBody& body, size_t chunkSize) : body_(body) {
    if (body.inPieces()) buffer_.resize(chunkSize);
}

// Past the end reads as NUL; the parser stops at the end iterator before it gets there. A
// one-buffer body is one window over the buffer itself: no copy.
void BodyCursor::Fill(size_t offset) {
    if (offset >= body_.size()) {
        static const char kNothing = '\0';
        window_ = &kNothing;
        start_ = offset;
        length_ = 1;
        return;
    }
    if (!body_.inPieces()) {
        window_ = body_.text().data();
        start_ = 0;
        length_ = body_.size();
        return;
    }
    start_ = offset;
    length_ = std::min(buffer_.size(), body_.size() - offset);
    body_.Read(offset, length_, buffer_.data());
    window_ = buffer_.data();
}

}  // namespace trash
