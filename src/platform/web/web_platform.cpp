// Browser implementation of the platform seam: HTTP through emscripten_fetch (same origin, so the
// session cookie rides along; the first who-am-I may be answered by the shell's early fetch), the
// wall clock, frame and timer scheduling, clipboard and cursor.
#include "platform/web/web_platform.h"

#include <emscripten.h>           // EM_JS
#include <emscripten/eventloop.h>  // emscripten_set_timeout
#include <emscripten/fetch.h>      // emscripten_fetch
#include <emscripten/html5.h>      // emscripten_request_animation_frame

#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

EM_JS(double, trash_now_ms, (), { return Date.now(); });
EM_JS(double, trash_random_32, (), { return crypto.getRandomValues(new Uint32Array(1))[0]; });
EM_JS(void, trash_write_clipboard, (const char* text), {
  const value = UTF8ToString(text);
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).catch(() => {});
});
EM_JS(char*, trash_location_fragment, (), {
  const text = window.location.hash || "";
  const length = lengthBytesUTF8(text) + 1;
  const pointer = _malloc(length);
  stringToUTF8(text, pointer, length);
  return pointer;
});
EM_JS(void, trash_set_location_fragment, (const char* fragment, int push), {
  const hash = UTF8ToString(fragment);
  if (window.location.hash === hash) return;
  // history.* does not fire hashchange, so only the user's own navigation reaches the page.
  if (push) history.pushState(null, "", hash); else history.replaceState(null, "", hash);
});
// A download without a server round trip: the bytes as a Blob behind a temporary <a download>.
EM_JS(void, trash_save_file, (const char* name, const char* type, const char* bytes, int length), {
  const blob = new Blob([HEAPU8.slice(bytes, bytes + length)], {type: UTF8ToString(type)});
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = UTF8ToString(name);
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
});
EM_JS(void, trash_set_cursor, (const char* css), {
  const canvas = document.getElementById('canvas');
  if (canvas) canvas.style.cursor = UTF8ToString(css);
});

// An answer stays in its XHR (emscripten_fetch without LOAD_TO_MEMORY keeps it there until
// emscripten_fetch_close): the page copies in the parts it reads, 64 KB at a time for a listing.
EM_JS(double, trash_fetch_body_size, (unsigned id), {
  const response = Fetch.xhrs[id - 1] && Fetch.xhrs[id - 1].response;
  return response ? response.byteLength : 0;
});
EM_JS(void, trash_fetch_body_read, (unsigned id, double offset, double length, char* out), {
  HEAPU8.set(new Uint8Array(Fetch.xhrs[id - 1].response, offset, length), out);
});

// The answer the shell fetched before the wasm was running (web/shell.js), if this request is the
// one it fetched: delivered to trash_prefetched_done later, as a fetch's would be.
EM_JS(int, trash_take_prefetched, (const char* method, const char* url, void* pending), {
  const shell = window.trashShell;
  const answer = shell && shell.takePrefetched ? shell.takePrefetched(UTF8ToString(method), UTF8ToString(url)) : null;
  if (!answer) return 0;
  answer.then((a) => {
    const data = _malloc(a.body.length + 1);
    HEAPU8.set(a.body, data);
    _trash_prefetched_done(pending, a.status, data, a.body.length);
    _free(data);
  });
  return 1;
});

namespace web {
namespace {

struct PendingFetch {
  platform::HttpCallback done;
  std::string body;  // the request reads it when the XHR is sent, not when emscripten_fetch returns
  std::vector<std::string> headerStorage;
  std::vector<const char*> headerPointers;
};

void FinishFetch(emscripten_fetch_t* fetch) {
  std::unique_ptr<PendingFetch> pending(static_cast<PendingFetch*>(fetch->userData));
  // Non-2xx answers arrive here too, with their status and body; a network failure has status 0.
  // The body stays in JS, read during the call and freed with the fetch after it.
  const unsigned id = fetch->id;
  const trash::ResponseBody body(size_t(trash_fetch_body_size(id)), [id](size_t offset, size_t length, char* out) {
    trash_fetch_body_read(id, double(offset), double(length), out);
  });
  pending->done(fetch->status, body);
  emscripten_fetch_close(fetch);
}

}  // namespace

void WebPlatform::Fetch(const platform::HttpRequest& request, platform::HttpCallback done) {
  auto pending = std::make_unique<PendingFetch>();
  pending->done = std::move(done);
  if (request.body.empty() && trash_take_prefetched(request.method.c_str(), request.url.c_str(), pending.get())) {
    pending.release();  // trash_prefetched_done owns it now
    return;
  }
  pending->headerStorage.reserve(request.headers.size() * 2 + 4);
  for (const auto& [key, value] : request.headers) {
    pending->headerStorage.push_back(key);
    pending->headerStorage.push_back(value);
  }
  for (const std::string& s : pending->headerStorage) pending->headerPointers.push_back(s.c_str());
  pending->headerPointers.push_back(nullptr);

  emscripten_fetch_attr_t attr;
  emscripten_fetch_attr_init(&attr);
  std::strncpy(attr.requestMethod, request.method.c_str(), sizeof attr.requestMethod - 1);
  attr.attributes = 0;  // the answer stays in JS (FinishFetch)
  attr.requestHeaders = pending->headerPointers.data();
  attr.onsuccess = FinishFetch;
  attr.onerror = FinishFetch;
  pending->body = request.body;
  if (!pending->body.empty()) {
    attr.requestData = pending->body.data();
    attr.requestDataSize = pending->body.size();
  }
  attr.userData = pending.release();
  emscripten_fetch(&attr, request.url.c_str());
}

int64_t WebPlatform::NowMs() const { return int64_t(trash_now_ms()); }

uint64_t WebPlatform::Random() { return uint64_t(trash_random_32()) << 32 | uint64_t(trash_random_32()); }

void WebPlatform::RequestOneFrame() {
  if (frameRequested_) return;
  frameRequested_ = true;
  emscripten_request_animation_frame(&WebPlatform::OnAnimationFrame, this);
}

void WebPlatform::RequestFrames(int count) {
  if (count - 1 > extraFrames_) extraFrames_ = count - 1;
  RequestOneFrame();
}

int WebPlatform::OnAnimationFrame(double, void* raw) {
  auto* self = static_cast<WebPlatform*>(raw);
  self->frameRequested_ = false;
  self->drawFrame_();
  // A frame that asked for more while drawing has already booked the first of them: the extra
  // frames follow that one, so only book here when nothing is booked yet.
  if (self->extraFrames_ > 0 && !self->frameRequested_) {
    --self->extraFrames_;
    self->RequestOneFrame();
  }
  return EM_FALSE;  // one frame per request: an idle page draws nothing
}

void WebPlatform::WakeAt(int64_t wallMs) {
  const int64_t now = NowMs();
  if (wakeTimer_ && wakeAtMs_ <= wallMs && wakeAtMs_ >= now) return;  // an earlier wake is pending
  if (wakeTimer_) emscripten_clear_timeout(wakeTimer_);
  wakeAtMs_ = wallMs;
  const double delay = wallMs > now ? double(wallMs - now) : 0.0;
  wakeTimer_ = emscripten_set_timeout(&WebPlatform::OnWake, delay, this);
}

void WebPlatform::OnWake(void* raw) {
  auto* self = static_cast<WebPlatform*>(raw);
  self->wakeTimer_ = 0;
  self->RequestOneFrame();
}

void WebPlatform::SetClipboardText(const std::string& text) { trash_write_clipboard(text.c_str()); }

std::string WebPlatform::LocationFragment() const {
  char* text = trash_location_fragment();
  std::string fragment(text);
  free(text);
  return fragment;
}

void WebPlatform::SetLocationFragment(const std::string& fragment, bool addHistoryEntry) {
  trash_set_location_fragment(fragment.c_str(), addHistoryEntry ? 1 : 0);
}

void WebPlatform::SaveFile(const std::string& fileName, const std::string& mimeType, const std::string& bytes) {
  trash_save_file(fileName.c_str(), mimeType.c_str(), bytes.data(), int(bytes.size()));
}

void WebPlatform::SetCursor(platform::Cursor cursor) {
  if (cursor == cursor_) return;
  cursor_ = cursor;
  switch (cursor) {
    case platform::Cursor::Arrow: trash_set_cursor("default"); break;
    case platform::Cursor::TextInput: trash_set_cursor("text"); break;
    case platform::Cursor::Hand: trash_set_cursor("pointer"); break;
    case platform::Cursor::ResizeEW: trash_set_cursor("ew-resize"); break;
    case platform::Cursor::NotAllowed: trash_set_cursor("not-allowed"); break;
  }
}

}  // namespace web

extern "C" EMSCRIPTEN_KEEPALIVE void trash_prefetched_done(void* pending, int status, const char* data, int length) {
  std::unique_ptr<web::PendingFetch> owned(static_cast<web::PendingFetch*>(pending));
  owned->done(status, std::string_view(data, size_t(length)));
}
