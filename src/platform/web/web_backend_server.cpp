// The serve.py page's backend choice: requests go over HTTP to the server that served the page.
// Linked into trash_page only; demo/web_backend_demo.cpp is the demo page's.
#include "platform/web/web_backend.h"

namespace web {

platform::Platform& ApiPlatform(WebPlatform& web) { return web; }

}  // namespace web
