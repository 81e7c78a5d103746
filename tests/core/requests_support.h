// Helpers shared by the tests that drive PageState: picking the requests it sent by kind.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>  // std::any_of

#include "core/page_state.h"

namespace trash::test {

// The one request of `kind` among `sent` (fails the test when there is not exactly one).
inline PendingRequest Only(const Requests& sent, RequestKind kind) {
    std::vector<PendingRequest> found;
    for (const PendingRequest& r : sent)
        if (r.kind == kind) found.push_back(r);
    REQUIRE(found.size() == 1);
    return found[0];
}

inline bool Has(const Requests& sent, RequestKind kind) {
    return std::any_of(sent.begin(), sent.end(), [&](const PendingRequest& r) { return r.kind == kind; });
}

}  // namespace trash::test
