// Which backend the page's requests go to is chosen when it is linked, not at run time: the
// serve.py page (trash_page) sends them over HTTP, the demo page (trash_page_demo) answers them
// with the in-browser demo workspace. The shell loads one page or the other (see web/shell.js).
#pragma once

#include "platform/platform.h"
#include "platform/web/web_platform.h"

namespace web {

// The platform the App uses: `web` itself, or `web` with HTTP and the clock taken over by the demo.
platform::Platform& ApiPlatform(WebPlatform& web);

}  // namespace web
