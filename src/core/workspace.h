// The workspace the signed-in user works in, as who-am-I names it: its id, url (the first part of
// every Trash route), display name (typed to confirm Empty Trash) and retention period.
#pragma once

#include <string>  // names

namespace trash {

// Days an item stays in Trash when the workspace has not said otherwise (a setting of 1-90).
inline constexpr int kDefaultRetentionDays = 30;
struct Workspace {
    std::string id, url, name;
    int retentionDays = kDefaultRetentionDays;
};

}  // namespace trash
