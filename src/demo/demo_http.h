// What a demo route handler sees of one request and answers, and the edge helpers serve.py keeps
// in httpd.py and jsonio.py: target and query parsing, cookies, the strict JSON body reader and
// the field readers whose 400 messages the page and the contract scenarios rely on.
#pragma once

#include "demo/demo_state.h"

namespace demo {

struct Answer {
    int status = 200;
    Json body;
    std::vector<Header> headers;           // a "Content-Type" here replaces the JSON one
    std::optional<std::string> text = {};  // a body sent as it is instead of `body` (the Activity's CSV)
};

Answer ErrorAnswer(const ApiError& error);

// One request on its way through a handler: the caller is a signed-in web session (the demo
// has no API keys), or nobody on the routes anyone may call.
struct Call {
    State& state;
    const HttpRequest& http;
    int64_t realNow = 0;  // sessions expire on real time, so time travel never signs anyone out
    int64_t now = 0;      // the demo clock: real time plus the offset time travel added
    std::map<std::string, std::string> params;
    Query query;
    const User* user = nullptr;
    Workspace* ws = nullptr;
    const Role* role = nullptr;
    Session* session = nullptr;

    Actor actor() const { return Actor{user->id, user->name, "web"}; }
    ApiError NeedPermission(const std::string& permission) const;
};

const std::string* HeaderValue(const HttpRequest& request, const std::string& name);
void SplitTarget(const std::string& target, std::string* path, std::string* query);
Query ParseQuery(const std::string& text);                            // parse_qs, first value of each name
bool PercentDecodeStrict(const std::string& text, std::string* out);  // false: not UTF-8
std::string CookieValue(const HttpRequest& request, const std::string& name);

// jsonio.parse_body: one JSON object, strictly (no duplicate keys, no lone surrogates).
ApiError ParseBody(const std::string& raw, Json* out);
ApiError GetStr(const Json& body, const std::string& name, bool required, OptText* out);
ApiError GetBool(const Json& body, const std::string& name, bool* out);
ApiError GetInt(const Json& body, const std::string& name, int64_t low, int64_t high, int64_t* out);

struct ItemRef {
    std::string type, id;
    OptText parentId;
};
ApiError ReadItemRef(const Json& body, const std::vector<std::string>& idNames, ItemRef* out);
ApiError ReadRefs(const Json& body, std::vector<ItemRef>* out);  // "items", parents first

}  // namespace demo
