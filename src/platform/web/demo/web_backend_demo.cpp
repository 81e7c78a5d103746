// The demo page's backend choice: the page talks to the in-browser demo workspace. Linked into
// trash_page_demo only; web_backend_server.cpp is the serve.py page's.
#include "platform/web/web_backend.h"

#include "platform/web/demo/web_demo_platform.h"

namespace web {

platform::Platform& ApiPlatform(WebPlatform& web) {
  static DemoPlatform demo(web);  // lives as long as the tab
  return demo;
}

}  // namespace web
