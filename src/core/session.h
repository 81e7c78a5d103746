// The signed-in session as who-am-I answers it (api_codec.h parses it): the user, the role and its
// permissions, the workspace, the storage figures and the CSRF token for state-changing requests.
#pragma once

#include <cstdint>   // int64_t
#include <optional>  // a session, before sign-in
#include <string>    // names
#include <vector>    // permissions

#include "core/workspace.h"  // Workspace, kDefaultRetentionDays

namespace trash {

struct User {
    std::string id, name, email;
};
struct Role {
    std::string name;
    std::vector<std::string> permissions;
};
struct Storage {
    int64_t usedBytes = 0, trashBytes = 0, quotaBytes = 0;  // quota 0: no quota
};
struct Session {
    User user;
    Role role;
    Workspace workspace;
    Storage storage;
    std::string csrfToken;  // sent as X-CSRF-Token on state-changing requests
};
// The signed-in workspace's retention, else the default (before sign-in).
inline int RetentionDaysOf(const std::optional<Session>& session) {
    return session ? session->workspace.retentionDays : kDefaultRetentionDays;
}

}  // namespace trash
