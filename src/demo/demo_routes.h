// The demo's route handlers (demo_routes.cpp), called by the dispatcher in demo_backend.cpp once
// it has checked credentials, the workspace and the CSRF token as serve.py's httpd.py does.
#pragma once

#include "demo/demo_http.h"

namespace demo {

Json WhoAmI(const Call& call);  // GET /api/session's answer

Answer DeleteProject(Call& call);
Answer DeleteVersion(Call& call);
Answer DeleteModel(Call& call);
Answer DeleteWorkflow(Call& call);
Answer DeleteDataset(Call& call);
Answer ListTrash(Call& call);
Answer RestoreItems(Call& call);
Answer DeletePermanently(Call& call);
Answer EmptyTrash(Call& call);
Answer ListProjects(Call& call);
Answer AuditLog(Call& call);
Answer PatchWorkspace(Call& call);
// The retention preview of PATCH /api/workspace {"dryRun": true} (demo_activity.cpp).
Json RetentionPreview(const State& state, const Workspace& ws, int64_t days, int64_t now);
Answer UltraList(Call& call);
Answer UltraRestore(Call& call);
Answer UltraDelete(Call& call);

}  // namespace demo
