// The demo page's platform (see web_demo_platform.h). Requests are answered by the backend in
// memory, one macrotask later like a real network, so the page's request/response order is the
// same as against serve.py. Before each request the tab takes any newer state another tab saved;
// after each change it saves, so two tabs never overwrite each other's work with a stale copy.
#include "platform/web/demo/web_demo_platform.h"

#include <emscripten.h>            // EM_JS
#include <emscripten/eventloop.h>  // emscripten_set_timeout

#include <cstdlib>  // free
#include <memory>
#include <utility>

#include "demo_fixture.h"  // kDemoFixture: assets/demo/workspace.json, embedded at build time

// Keys are per page location, so two deployments on one origin keep separate demos.
EM_JS(char*, trash_demo_storage_get, (const char* name), {
  try {
    const key = 'trash-demo:' + location.pathname.replace(/[^/]*$/, "") + ':' + UTF8ToString(name);
    const value = window.localStorage.getItem(key);
    if (value === null) return 0;
    const length = lengthBytesUTF8(value) + 1;
    const pointer = _malloc(length);
    stringToUTF8(value, pointer, length);
    return pointer;
  } catch (error) {
    return 0;
  }
});
EM_JS(int, trash_demo_storage_set, (const char* name, const char* value), {
  try {
    const key = 'trash-demo:' + location.pathname.replace(/[^/]*$/, "") + ':' + UTF8ToString(name);
    window.localStorage.setItem(key, UTF8ToString(value));
    return 1;
  } catch (error) {  // quota exceeded, or storage disabled (private mode, blocked cookies)
    return 0;
  }
});
EM_JS(int, trash_demo_storage_works, (), {
  try {
    const key = 'trash-demo:probe';
    window.localStorage.setItem(key, '1');
    window.localStorage.removeItem(key);
    return 1;
  } catch (error) {
    return 0;
  }
});
EM_JS(double, trash_demo_random, (), { return Math.random(); });

namespace web {
namespace {

constexpr const char* kState = "state";
constexpr const char* kGeneration = "generation";
constexpr const char* kCookie = "cookie";

std::string StorageGet(const char* name) {
  char* text = trash_demo_storage_get(name);
  if (!text) return {};
  std::string value(text);
  free(text);
  return value;
}

std::string NewGeneration() { return std::to_string(int64_t(trash_demo_random() * 9e15)); }

struct Delivery {
  platform::HttpCallback done;
  int status = 0;
  std::string body;
};

void Deliver(void* raw) {
  std::unique_ptr<Delivery> delivery(static_cast<Delivery*>(raw));
  delivery->done(delivery->status, delivery->body);
}

}  // namespace

DemoPlatform::DemoPlatform(WebPlatform& web) : web_(web) { Open(); }

void DemoPlatform::Open() {
  kept_ = trash_demo_storage_works() != 0;
  if (!kept_) {
    Seed("Browser storage is turned off here, so changes last until this page is closed");
    return;
  }
  const std::string saved = StorageGet(kState);
  if (saved.empty()) {
    Seed("");
    return;
  }
  if (!backend_.Load(saved)) {
    Seed("The saved demo could not be read, so the demo started afresh");
    return;
  }
  generation_ = StorageGet(kGeneration);
  cookie_ = StorageGet(kCookie);
  backend_.SetStorage(demo::StorageMode::Local, "");
}

void DemoPlatform::Seed(std::string notice) {
  backend_.Seed(kDemoFixture, web_.NowMs());
  cookie_.clear();
  backend_.SetStorage(kept_ ? demo::StorageMode::Local : demo::StorageMode::Memory, std::move(notice));
  if (kept_) Save();
}

void DemoPlatform::CatchUp() {
  if (!kept_) return;
  const std::string generation = StorageGet(kGeneration);
  if (generation.empty() || generation == generation_) return;
  const std::string saved = StorageGet(kState);
  if (!saved.empty() && backend_.Load(saved)) {
    generation_ = generation;
    cookie_ = StorageGet(kCookie);  // signing in or out in one tab does it in all, as cookies do
  }
}

void DemoPlatform::Save() {
  const std::string generation = NewGeneration();
  const bool saved = trash_demo_storage_set(kState, backend_.Save().c_str()) &&
                     trash_demo_storage_set(kCookie, cookie_.c_str()) &&
                     trash_demo_storage_set(kGeneration, generation.c_str());
  if (saved) {
    generation_ = generation;
    return;
  }
  kept_ = false;  // full or revoked: carry on in memory, and say so
  backend_.SetStorage(demo::StorageMode::Memory, "Browser storage is full, so changes from now on will not be kept");
}

void DemoPlatform::KeepCookie(const demo::HttpResponse& response) {
  for (const auto& [name, value] : response.headers) {
    if (name != "Set-Cookie") continue;
    const std::string pair = value.substr(0, value.find(';'));
    const bool cleared = pair.size() <= pair.find('=') + 1 || value.find("Max-Age=0") != std::string::npos;
    cookie_ = cleared ? std::string() : pair;
  }
}

void DemoPlatform::Fetch(const platform::HttpRequest& request, platform::HttpCallback done) {
  CatchUp();
  demo::HttpRequest call{request.method, request.url, request.body, request.headers};
  if (!cookie_.empty()) call.headers.emplace_back("Cookie", cookie_);
  const demo::HttpResponse response = backend_.Handle(call, web_.NowMs());
  KeepCookie(response);
  if (request.method != "GET" && kept_) Save();
  auto delivery = std::make_unique<Delivery>(Delivery{std::move(done), response.status, response.body});
  emscripten_set_timeout(&Deliver, 0, delivery.release());
}

}  // namespace web
