// demo::Backend: the dispatcher (serve.py's httpd.py order: body size 413, route 404/405, path
// 400, credentials 401, workspace 404, CSRF 403, then the handler), the session and demo-only
// routes, time travel, and the Backend methods the page and the native tests call.
#include "demo/demo_backend.h"

#include "demo/demo_routes.h"

namespace demo {

struct Backend::State : DemoState {};

namespace {

enum class Who { Nobody, Any, Session };
using Handler = Answer (*)(Call&);

struct Route {
    const char* method;
    const char* pattern;
    Handler handler;
    Who who;
};

// The answer a handler needs the Backend for (reset reseeds it).
Answer SignIn(Call& call);
Answer GetSession(Call& call) { return Answer{200, WhoAmI(call), {}}; }
Answer SignOut(Call& call);
Answer DemoInfo(Call& call);
Answer DemoClock(Call& call);
Answer DemoCleanup(Call& call);
Answer DemoReset(Call& call);

const Route kRoutes[] = {
    {"POST", "/api/session", SignIn, Who::Nobody},
    {"GET", "/api/session", GetSession, Who::Session},
    {"DELETE", "/api/session", SignOut, Who::Session},
    {"GET", "/api/demo", DemoInfo, Who::Nobody},
    {"POST", "/api/demo/clock", DemoClock, Who::Nobody},
    {"POST", "/api/demo/cleanup", DemoCleanup, Who::Nobody},
    {"POST", "/api/demo/reset", DemoReset, Who::Nobody},
    {"PATCH", "/api/workspace", PatchWorkspace, Who::Session},
    {"GET", "/api/trash", UltraList, Who::Any},
    {"POST", "/api/trash", UltraRestore, Who::Any},
    {"DELETE", "/api/trash", UltraDelete, Who::Any},
    {"POST", "/api/trash/empty", EmptyTrash, Who::Any},
    {"DELETE", "/api/trash/empty", EmptyTrash, Who::Any},
    {"GET", "/{ws}/trash", ListTrash, Who::Any},
    {"POST", "/{ws}/trash/restore", RestoreItems, Who::Any},
    {"POST", "/{ws}/trash/delete", DeletePermanently, Who::Any},
    {"POST", "/{ws}/trash/empty", EmptyTrash, Who::Any},
    {"GET", "/{ws}/projects", ListProjects, Who::Any},
    {"GET", "/{ws}/audit", AuditLog, Who::Any},
    {"DELETE", "/{ws}/workflows/{url}", DeleteWorkflow, Who::Any},
    {"DELETE", "/{ws}/datasets/{url}", DeleteDataset, Who::Any},
    {"DELETE", "/{ws}/{project}/models/{model}", DeleteModel, Who::Any},
    {"DELETE", "/{ws}/{project}/{version}", DeleteVersion, Who::Any},
    {"DELETE", "/{ws}/{project}", DeleteProject, Who::Any},
};

std::vector<std::string> Split(const std::string& path) {
    std::vector<std::string> parts;
    size_t start = 1;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        parts.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

// The raw segments a pattern captures, or false.
bool Match(const char* pattern, const std::string& path, std::map<std::string, std::string>* params) {
    if (path.empty() || path[0] != '/') return false;
    const std::vector<std::string> want = Split(pattern), got = Split(path);
    if (want.size() != got.size()) return false;
    std::map<std::string, std::string> found;
    for (size_t i = 0; i < want.size(); ++i) {
        if (got[i].empty()) return false;
        if (want[i].front() == '{')
            found[want[i].substr(1, want[i].size() - 2)] = got[i];
        else if (want[i] != got[i])
            return false;
    }
    *params = std::move(found);
    return true;
}

Answer SignIn(Call& call) {
    // Issue 11: only a JSON sign-in, so a text/plain form post from another site logs no one in.
    const std::string* type = HeaderValue(call.http, "Content-Type");
    std::string media = type ? LowerAscii(type->substr(0, type->find(';'))) : "";
    while (!media.empty() && media.back() == ' ') media.pop_back();
    if (media.find_first_not_of(' ') != std::string::npos) media = media.substr(media.find_first_not_of(' '));
    if (media != "application/json")
        return ErrorAnswer(ApiError{415, "Sign-in takes a JSON body (Content-Type: application/json)"});
    Json body;
    OptText email, password;
    if (ApiError error = ParseBody(call.http.body, &body)) return ErrorAnswer(error);
    if (ApiError error = GetStr(body, "email", true, &email)) return ErrorAnswer(error);
    if (ApiError error = GetStr(body, "password", true, &password)) return ErrorAnswer(error);
    const User* user = nullptr;
    for (const User& candidate : call.state.users) {  // the email column is COLLATE NOCASE
        if (LowerAscii(candidate.email) == LowerAscii(*email)) user = &candidate;
    }
    if (user == nullptr || user->password != *password) return ErrorAnswer(ApiError{401, "Wrong email or password"});
    auto& sessions = call.state.sessions;
    sessions.erase(std::remove_if(sessions.begin(), sessions.end(),
                                  [&call](const Session& s) { return s.expiresAt < call.realNow; }),
                   sessions.end());
    call.state.rng ^= static_cast<uint64_t>(call.realNow);
    sessions.push_back(
        Session{RandomToken(call.state, 43), user->id, RandomToken(call.state, 43), call.realNow + kSessionLifetimeMs});
    call.user = user;
    call.ws = FindWorkspace(call.state, user->workspaceId);
    call.role = call.ws ? FindRole(*call.ws, user->role) : nullptr;
    if (call.role == nullptr) return ErrorAnswer(ApiError{401, "Wrong email or password"});
    call.session = &sessions.back();
    return Answer{200,
                  WhoAmI(call),
                  {{"Set-Cookie", "trash_session=" + call.session->token + "; HttpOnly; SameSite=Strict; Path=/"}}};
}

Answer SignOut(Call& call) {
    const std::string token = call.session->token;
    auto& sessions = call.state.sessions;
    sessions.erase(
        std::remove_if(sessions.begin(), sessions.end(), [&token](const Session& s) { return s.token == token; }),
        sessions.end());
    return Answer{200,
                  Json{{"signedOut", true}},
                  {{"Set-Cookie", "trash_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"}}};
}

Answer DemoInfo(Call& call) {
    if (!call.state.demo.is_object()) return ErrorAnswer(ApiError{404, "Not found"});
    Json body = call.state.demo;
    body["browser"] = Json{{"storage", call.state.storage == StorageMode::Local ? "local" : "memory"},
                           {"notice", call.state.notice},
                           {"clockOffsetMs", call.state.clockOffsetMs},
                           {"now", Iso(call.now)}};
    return Answer{200, std::move(body), {}};
}

// The demo-only routes take an empty body or a JSON object.
ApiError OptionalBody(const Call& call, Json* body) {
    *body = Json::object();
    return call.http.body.empty() ? ApiError{} : ParseBody(call.http.body, body);
}

Answer DemoClock(Call& call) {
    Json body;
    int64_t days = 0;
    if (ApiError error = OptionalBody(call, &body)) return ErrorAnswer(error);
    if (ApiError error = GetInt(body, "advanceDays", 1, 365, &days)) return ErrorAnswer(error);
    call.state.clockOffsetMs += days * kDayMs;
    return Answer{200, Json{{"clockOffsetMs", call.state.clockOffsetMs}, {"now", Iso(call.now + days * kDayMs)}}, {}};
}

Answer DemoCleanup(Call& call) {
    Json body;
    if (ApiError error = OptionalBody(call, &body)) return ErrorAnswer(error);
    const CleanupResult result = Cleanup(call.state, call.now);
    return Answer{
        200,
        Json{{"purged", result.purged}, {"freedBytes", result.freedBytes}, {"imagesDeleted", result.imagesDeleted}},
        {}};
}

Answer DemoReset(Call& call) {
    Json body;
    if (ApiError error = OptionalBody(call, &body)) return ErrorAnswer(error);
    const std::string fixture = call.state.fixture;
    if (!SeedState(call.state, fixture, call.realNow, nullptr))
        return ErrorAnswer(ApiError{400, "The demo has no workspace fixture to reset from"});
    return Answer{200, Json{{"reset", true}}, {}};
}

// Credentials as httpd.py's _principal: any API key is unknown here (the demo has none).
ApiError Principal(Call& call, Who who) {
    if (call.query.count("api_key")) return ApiError{401, "Invalid API key"};
    const std::string* bearer = HeaderValue(call.http, "Authorization");
    if (bearer && LowerAscii(bearer->substr(0, 7)) == "bearer ") return ApiError{401, "Invalid API key"};
    const std::string token = CookieValue(call.http, "trash_session");
    for (Session& session : call.state.sessions) {
        if (token.empty() || session.token != token || session.expiresAt < call.realNow) continue;
        call.user = FindUser(call.state, session.userId);
        call.ws = call.user ? FindWorkspace(call.state, call.user->workspaceId) : nullptr;
        call.role = call.ws ? FindRole(*call.ws, call.user->role) : nullptr;
        call.session = &session;
        if (call.role != nullptr) return {};
    }
    return ApiError{401, who == Who::Session ? "Not signed in" : "Sign in or pass an API key"};
}

Answer Dispatch(Call& call) {
    if (call.http.body.size() > kMaxBodyBytes)
        return ErrorAnswer(ApiError{413, "Request body is larger than 1048576 bytes"});
    std::string path, queryText;
    SplitTarget(call.http.target, &path, &queryText);
    const Route* route = nullptr;
    bool otherMethod = false;
    std::map<std::string, std::string> raw;
    for (const Route& candidate : kRoutes) {
        if (!Match(candidate.pattern, path, &raw)) continue;
        if (call.http.method == candidate.method) {
            route = &candidate;
            break;
        }
        otherMethod = true;
    }
    if (route == nullptr) {
        const bool read = call.http.method == "GET" || call.http.method == "HEAD";
        return ErrorAnswer(otherMethod && !read ? ApiError{405, "Method not allowed"} : ApiError{404, "Not found"});
    }
    for (const auto& [name, text] : raw) {
        if (!PercentDecodeStrict(text, &call.params[name]))
            return ErrorAnswer(ApiError{400, "The path is not valid UTF-8"});
    }
    call.query = ParseQuery(queryText);
    if (route->who != Who::Nobody) {
        if (ApiError error = Principal(call, route->who)) return ErrorAnswer(error);
        if (call.params.count("ws") && call.params["ws"] != call.ws->url)
            return ErrorAnswer(ApiError{404, "Not found"});
        const std::string& method = call.http.method;
        const bool changes = method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
        const std::string* csrf = HeaderValue(call.http, "X-CSRF-Token");
        if (changes && (csrf == nullptr || csrf->empty() || *csrf != call.session->csrf))
            return ErrorAnswer(ApiError{403, "Missing or invalid CSRF token"});
    }
    return route->handler(call);
}

}  // namespace

Backend::Backend() : state_(std::make_unique<State>()) {}
Backend::~Backend() = default;
Backend::Backend(Backend&&) noexcept = default;
Backend& Backend::operator=(Backend&&) noexcept = default;

bool Backend::Seed(std::string_view fixtureJson, int64_t nowMs, std::string* error) {
    return SeedState(*state_, std::string(fixtureJson), nowMs, error);
}

HttpResponse Backend::Handle(const HttpRequest& request, int64_t realNowMs) {
    Call call{*state_, request, realNowMs, realNowMs + state_->clockOffsetMs, {}, {}};
    Answer answer = Dispatch(call);
    HttpResponse response;
    response.status = answer.status;
    response.body = answer.text ? *answer.text : Dump(answer.body);
    const bool typed = std::any_of(answer.headers.begin(), answer.headers.end(),
                                   [](const Header& h) { return h.first == "Content-Type"; });
    response.headers = std::move(answer.headers);
    if (!typed) response.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

int64_t Backend::clockOffsetMs() const { return state_->clockOffsetMs; }

void Backend::AdvanceClock(int64_t ms) { state_->clockOffsetMs += ms; }

CleanupResult Backend::RunCleanup(int64_t realNowMs) { return Cleanup(*state_, realNowMs + state_->clockOffsetMs); }

std::string Backend::Save() const { return SaveState(*state_); }

bool Backend::Load(std::string_view saved) {
    DemoState loaded;
    if (!LoadState(saved, &loaded)) return false;
    loaded.storage = state_->storage;
    loaded.notice = state_->notice;
    static_cast<DemoState&>(*state_) = std::move(loaded);
    return true;
}

void Backend::SetStorage(StorageMode mode, std::string notice) {
    state_->storage = mode;
    state_->notice = std::move(notice);
}

}  // namespace demo
