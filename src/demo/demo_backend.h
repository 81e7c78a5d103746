// The in-browser demo workspace: answers the same HTTP requests as serve.py, with the same
// statuses and JSON shapes, from memory. Pure C++ (no Emscripten, ImGui or GL): the demo page
// reaches it through its platform's Fetch, and the native contract tests drive it directly.
// It never reads a clock: every call gets the real time, and the demo clock is that plus the
// offset that time travel added.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace demo {

using Header = std::pair<std::string, std::string>;

struct HttpRequest {
    std::string method;  // "GET", "POST", "DELETE", "PATCH"
    std::string target;  // path and query, as sent: "/acme-robotics/trash?sections=0&since=12"
    std::string body;
    std::vector<Header> headers;  // "Cookie", "X-CSRF-Token", "Content-Type", ... (names case-insensitive)
};

struct HttpResponse {
    int status = 200;
    std::string body;             // JSON
    std::vector<Header> headers;  // "Set-Cookie" on sign-in and sign-out
};

// Where the demo keeps its state, as the page's banner reports it (GET /api/demo "browser").
enum class StorageMode {
    Local,   // browser storage: kept across reloads and tabs
    Memory,  // storage unavailable or full: lost on reload
};

struct CleanupResult {
    int64_t purged = 0;
    int64_t freedBytes = 0;
    int64_t imagesDeleted = 0;
};

class Backend {
public:
    Backend();
    ~Backend();
    Backend(Backend&&) noexcept;
    Backend& operator=(Backend&&) noexcept;

    // Seeds from a workspace fixture (the format of assets/demo/workspace.json) as serve.py's seed
    // does at time nowMs: deletions replayed oldest first through the soft delete. Clears any state
    // and the clock offset. False (and *error) when the fixture is not one.
    bool Seed(std::string_view fixtureJson, int64_t nowMs, std::string* error = nullptr);

    // One request at real time realNowMs (the demo clock is realNowMs + clockOffsetMs()).
    HttpResponse Handle(const HttpRequest& request, int64_t realNowMs);

    // Time travel and the daily job, also reachable as demo-only routes:
    //   POST /api/demo/clock {"advanceDays": N}   (N in 1..365) → {"clockOffsetMs", "now"}
    //   POST /api/demo/cleanup {}                   → {"purged", "freedBytes", "imagesDeleted"}
    //   POST /api/demo/reset {}                     → {"reset": true} (reseeded from the fixture at
    //                                                 real time, offset 0, every session signed out)
    int64_t clockOffsetMs() const;
    void AdvanceClock(int64_t ms);
    CleanupResult RunCleanup(int64_t realNowMs);

    // The whole state (fixture text included, so Reset works after a reload) as JSON text, and
    // back. Load returns false and leaves the state untouched for anything this version did not
    // write (corrupt, foreign, older format).
    std::string Save() const;
    bool Load(std::string_view saved);

    // What GET /api/demo reports in "browser": {"storage": "local"|"memory", "notice": "...",
    // "clockOffsetMs": N, "now": ISO}. notice is shown in the banner ("" for none), e.g. "Saved demo
    // data could not be read, so the demo started fresh".
    void SetStorage(StorageMode mode, std::string notice);

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace demo
